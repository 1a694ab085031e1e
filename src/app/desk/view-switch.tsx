import { type DeskView, useDesk } from './desk-store.ts';

const VIEW_LABELS: Record<DeskView, string> = { person: '逐人核对', table: '批量核对' };

/** Switches the main column between one person at a time and the batch table. */
export function ViewSwitch() {
  const view = useDesk((state) => state.view);
  const setView = useDesk((state) => state.setView);
  return (
    <fieldset className="mb-2 flex gap-1 text-sm">
      <legend className="sr-only">核对方式</legend>
      {(['person', 'table'] as const).map((candidate) => (
        <button
          key={candidate}
          type="button"
          aria-pressed={view === candidate}
          onClick={() => setView(candidate)}
          className="rounded border border-slate-300 bg-white px-3 py-1 aria-pressed:bg-slate-800 aria-pressed:text-white pointer-coarse:min-h-11"
        >
          {VIEW_LABELS[candidate]}
        </button>
      ))}
    </fieldset>
  );
}
