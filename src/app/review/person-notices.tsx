import { useDesk } from '../desk/desk-store.ts';
import { SIDE_LABELS } from '../people/card-fields.ts';
import { mergeOffer } from '../people/filing.ts';
import { type Person, personValues } from '../people/person.ts';
import { warningsByPerson } from '../people/person-warnings.ts';

const ACTION =
  'min-h-8 rounded border border-amber-400 bg-white px-3 text-sm hover:bg-amber-100 pointer-coarse:min-h-11';

/**
 * What the clerk must decide about the person as a whole: a face that came alone and may belong
 * to someone else (offered, never done unasked), the same card twice, faces that do not fit.
 */
export function PersonNotices({ person, people }: { person: Person; people: readonly Person[] }) {
  const { moveFace, removePerson } = useDesk.getState();
  const warnings = warningsByPerson(people).get(person.id) ?? [];
  const offer = mergeOffer(people, person);
  const lone = person.front ?? person.back;
  if (warnings.length === 0 && !offer) return null;
  return (
    <ul aria-label="此人的提醒" className="mb-3 grid gap-2">
      {offer && lone && (
        <li className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
          <span className="mr-auto">
            这张{SIDE_LABELS[lone.side]}是单独放入的，可能属于第 {people.indexOf(offer) + 1} 人
            {personValues(offer).name ? `（${personValues(offer).name}）` : ''}。
          </span>
          <button
            type="button"
            className={ACTION}
            onClick={() => moveFace(lone.id, { personId: offer.id })}
          >
            并入第 {people.indexOf(offer) + 1} 人
          </button>
        </li>
      )}
      {warnings.map((warning) => (
        <li
          key={warning.kind}
          className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900"
        >
          <span className="mr-auto">{warning.message}</span>
          {warning.kind === 'duplicate' && (
            <button type="button" className={ACTION} onClick={() => removePerson(person.id)}>
              删除此人
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
