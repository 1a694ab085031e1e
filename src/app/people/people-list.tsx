import { useMemo } from 'react';
import { useDesk } from '../desk/desk-store.ts';
import { SIDE_LABELS } from './card-fields.ts';
import { type Person, personValues } from './person.ts';
import { warningsByPerson } from './person-warnings.ts';

export function selectedPerson(
  people: readonly Person[],
  selectedId: string | null,
): Person | null {
  return people.find((person) => person.id === selectedId) ?? people[0] ?? null;
}

/** The people on the desk; choosing one shows it for review. */
export function PeopleList() {
  const people = useDesk((state) => state.people);
  const selectedId = useDesk((state) => state.selectedPersonId);
  const selectPerson = useDesk((state) => state.selectPerson);
  const current = selectedPerson(people, selectedId);
  const warnings = useMemo(() => warningsByPerson(people), [people]);
  if (people.length === 0) {
    return (
      <p className="rounded border border-slate-200 bg-white p-6 text-center text-slate-500">
        识别出的人员会出现在这里。
      </p>
    );
  }
  return (
    <nav aria-label="人员">
      <ul className="flex gap-2 overflow-x-auto pb-1">
        {people.map((person, index) => {
          const values = personValues(person);
          const warned = (warnings.get(person.id)?.length ?? 0) > 0;
          return (
            <li key={person.id} className="flex-none">
              <button
                type="button"
                aria-current={person === current ? 'true' : undefined}
                onClick={() => selectPerson(person.id)}
                className={`rounded border px-3 py-1.5 text-left text-sm ${person === current ? 'border-sky-600 bg-sky-50' : 'border-slate-200 bg-white hover:bg-slate-50'}`}
              >
                <span className="font-medium">
                  {index + 1}. {values.name || '（未读出姓名）'}
                </span>
                {warned && <span className="ml-1 text-amber-700">⚠ 待确认</span>}
                <span className="ml-2 text-xs text-slate-500">
                  {(['front', 'back'] as const)
                    .map((side) => `${SIDE_LABELS[side]}${person[side] ? '✓' : '—'}`)
                    .join(' ')}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
