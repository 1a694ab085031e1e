import { useEffect } from 'react';
import { useDesk } from '../desk/desk-store.ts';

/** The batch table's own keys; `event.code` keeps them on the same keys under any layout. */
export const BATCH_SHORTCUTS = [
  { keys: 'Alt+N', action: '下一个存疑字段（批量核对）' },
  { keys: 'Alt+K', action: '当前行标记为已核对 / 取消（批量核对）' },
] as const;

/** Moves to the next doubtful cell after the focused one, in reading order, wrapping round. */
function focusNextDoubtful(): void {
  const cells = [...document.querySelectorAll<HTMLInputElement>('input[data-doubtful="true"]')];
  if (cells.length === 0) return;
  const current = document.activeElement;
  const next =
    cells.find(
      (cell) =>
        current instanceof Node &&
        cell !== current &&
        Boolean(current.compareDocumentPosition(cell) & Node.DOCUMENT_POSITION_FOLLOWING),
    ) ?? cells[0];
  next?.focus();
  next?.select();
}

function toggleCheckedOfFocusedRow(): void {
  const row = document.activeElement?.closest<HTMLElement>('tr[data-person-id]');
  const personId = row?.dataset.personId;
  if (!personId) return;
  const { people, setChecked } = useDesk.getState();
  const person = people.find((candidate) => candidate.id === personId);
  if (person) setChecked(personId, !person.checked);
}

export function useBatchKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.code === 'KeyN') focusNextDoubtful();
      else if (event.code === 'KeyK') toggleCheckedOfFocusedRow();
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
