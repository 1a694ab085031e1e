import { useEffect } from 'react';
import { useDesk } from '../desk/desk-store.ts';
import { selectedPerson } from '../people/people-list.tsx';
import { copyPersonJson, copyPersonRow } from './copy-person.ts';

/**
 * The keyboard shortcuts listed on screen. `event.code` keeps them on the same keys whatever the
 * input method or keyboard layout (on a Mac, Option+C types "ç" but its code is still KeyC).
 */
export const SHORTCUTS = [
  { keys: 'Ctrl+V', action: '粘贴图片' },
  { keys: 'Alt+C', action: '复制当前人员整行（可直接粘贴到表格）' },
  { keys: 'Alt+J', action: '复制当前人员 JSON' },
  { keys: 'Alt+↑ / Alt+↓', action: '上一人 / 下一人' },
] as const;

export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const { people, selectedPersonId, selectPerson } = useDesk.getState();
      const person = selectedPerson(people, selectedPersonId);
      if (!person) return;
      const index = people.indexOf(person);
      switch (event.code) {
        case 'KeyC':
          copyPersonRow(person);
          break;
        case 'KeyJ':
          copyPersonJson(person);
          break;
        case 'ArrowUp':
          selectPerson(people[Math.max(0, index - 1)]?.id ?? null);
          break;
        case 'ArrowDown':
          selectPerson(people[Math.min(people.length - 1, index + 1)]?.id ?? null);
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
