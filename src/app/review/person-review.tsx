import { useMemo } from 'react';
import type { CardField } from '../../idcard/api-contract.ts';
import { isoDateOf } from '../../idcard/card-dates.ts';
import { copyPersonJson, copyPersonRow } from '../copy-out/copy-person.ts';
import { useDesk } from '../desk/desk-store.ts';
import { FIELDS_OF_SIDE } from '../people/card-fields.ts';
import { selectedPerson } from '../people/people-list.tsx';
import { personValues } from '../people/person.ts';
import { FacePanel } from './face-panel.tsx';
import { checkFields } from './field-checks.ts';
import { PersonNotices } from './person-notices.tsx';

const TOOL_BUTTON =
  'rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 pointer-coarse:min-h-11';
const KEY_HINT = 'text-xs text-slate-500 pointer-coarse:hidden';

/** The chosen person: both faces side by side, their fields checked as the clerk types. */
export function PersonReview() {
  const people = useDesk((state) => state.people);
  const selectedId = useDesk((state) => state.selectedPersonId);
  const person = selectedPerson(people, selectedId);
  const notes = useMemo(() => {
    if (!person) return {};
    const present: CardField[] = [
      ...(person.front ? FIELDS_OF_SIDE.front : []),
      ...(person.back ? FIELDS_OF_SIDE.back : []),
    ];
    return checkFields(personValues(person), present, isoDateOf(new Date()));
  }, [person]);
  if (!person) return null;
  return (
    <section aria-label="核对" className="mt-3">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h2 className="font-semibold">第 {people.indexOf(person) + 1} 人</h2>
        <label className="mr-auto flex items-center gap-1 text-sm pointer-coarse:min-h-11">
          <input
            type="checkbox"
            checked={person.checked}
            onChange={(event) => useDesk.getState().setChecked(person.id, event.target.checked)}
          />
          已核对
        </label>
        <button type="button" className={TOOL_BUTTON} onClick={() => copyPersonRow(person)}>
          复制整行 <kbd className={KEY_HINT}>Alt+C</kbd>
        </button>
        <button type="button" className={TOOL_BUTTON} onClick={() => copyPersonJson(person)}>
          复制 JSON <kbd className={KEY_HINT}>Alt+J</kbd>
        </button>
      </div>
      <PersonNotices person={person} people={people} />
      <div className="grid gap-3 lg:grid-cols-2">
        <FacePanel side="front" face={person.front} person={person} people={people} notes={notes} />
        <FacePanel side="back" face={person.back} person={person} people={people} notes={notes} />
      </div>
    </section>
  );
}
