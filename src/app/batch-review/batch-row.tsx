import { memo } from 'react';
import type { CardField } from '../../idcard/api-contract.ts';
import { useDesk } from '../desk/desk-store.ts';
import { ALL_FIELDS, FIELD_LABELS, sideOfField } from '../people/card-fields.ts';
import { currentValue, type Person } from '../people/person.ts';
import { BATCH_COLUMNS } from './batch-columns.ts';

type BatchRowProps = {
  person: Person;
  index: number;
  doubtful: ReadonlySet<CardField>;
  /** The person's warnings, one a line; a string so the memo compares it by value. */
  warnings: string;
};

/**
 * One person as one row of inputs. Memoised on the person object: filing replaces only the people
 * it changes, so a queue of 200 images re-renders one row per result, not the table.
 */
export const BatchRow = memo(function BatchRow({
  person,
  index,
  doubtful,
  warnings,
}: BatchRowProps) {
  const { editField, setChecked, selectPerson, setView } = useDesk.getState();
  const who = `第 ${index + 1} 人`;
  const count = doubtful.size + (warnings === '' ? 0 : warnings.split('\n').length);
  return (
    <tr
      data-person-id={person.id}
      style={{ gridTemplateColumns: BATCH_COLUMNS }}
      className={`grid items-center border-t border-slate-100 [contain-intrinsic-size:auto_2rem] [content-visibility:auto] ${person.checked ? 'bg-emerald-50/60' : ''}`}
    >
      <th scope="row" className="px-1 text-right font-normal text-slate-500">
        <button
          type="button"
          className="underline"
          title="打开此人的核对页"
          onClick={() => {
            selectPerson(person.id);
            setView('person');
          }}
        >
          {index + 1}
        </button>
      </th>
      <td className="px-1 text-center">
        <input
          type="checkbox"
          aria-label={`${who}已核对`}
          checked={person.checked}
          onChange={(event) => setChecked(person.id, event.target.checked)}
          className="size-4 pointer-coarse:size-6"
        />
      </td>
      {ALL_FIELDS.map((field) => {
        const face = person[sideOfField(field)];
        const isDoubtful = doubtful.has(field);
        return (
          <td key={field} className="p-0.5">
            <input
              type="text"
              aria-label={`${who}${FIELD_LABELS[field]}`}
              aria-invalid={isDoubtful || undefined}
              data-doubtful={isDoubtful || undefined}
              disabled={!face}
              value={currentValue(face, field)}
              onChange={(event) => face && editField(face.id, field, event.target.value)}
              className={`w-full min-w-0 rounded border px-1 py-0.5 text-sm outline-none focus:ring-2 focus:ring-sky-500 disabled:bg-slate-100 ${isDoubtful ? 'border-amber-500 bg-amber-50' : 'border-slate-200 bg-white'} ${field === 'number' ? 'font-mono' : ''}`}
            />
          </td>
        );
      })}
      <td className="px-1 text-center">
        {count > 0 ? (
          <span className="text-amber-800" title={warnings}>
            {count}
          </span>
        ) : (
          <span className="text-slate-400">0</span>
        )}
      </td>
    </tr>
  );
});
