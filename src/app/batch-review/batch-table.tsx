import { useMemo, useState } from 'react';
import type { CardField } from '../../idcard/api-contract.ts';
import { isoDateOf } from '../../idcard/card-dates.ts';
import { useDesk } from '../desk/desk-store.ts';
import { ALL_FIELDS, FIELD_LABELS } from '../people/card-fields.ts';
import type { Person } from '../people/person.ts';
import { warningsByPerson } from '../people/person-warnings.ts';
import { doubtfulFields, personNotes } from '../review/doubtful-fields.ts';
import { BATCH_COLUMNS } from './batch-columns.ts';
import {
  BATCH_FILTER_LABELS,
  BATCH_FILTERS,
  type BatchFilter,
  failedJobIdsOf,
  matchesFilter,
} from './batch-filters.ts';
import { BatchRow } from './batch-row.tsx';
import { useBatchKeys } from './use-batch-keys.ts';

/** Computed once per person object: an unchanged person keeps its set, and its row its memo. */
const doubtfulCache = new WeakMap<Person, ReadonlySet<CardField>>();
function doubtfulOf(person: Person, today: string): ReadonlySet<CardField> {
  let doubtful = doubtfulCache.get(person);
  if (!doubtful) {
    doubtful = doubtfulFields(person, personNotes(person, today));
    doubtfulCache.set(person, doubtful);
  }
  return doubtful;
}

/**
 * Batch review: every person as one row of inputs, doubtful cells marked, for the back office's
 * folders of 20-200 scans. Keyboard first: Tab through cells, Alt+N to the next doubtful cell,
 * Alt+K to mark the row 已核对 (any edit clears it again).
 */
export function BatchTable() {
  const people = useDesk((state) => state.people);
  const jobs = useDesk((state) => state.jobs);
  const [filter, setFilter] = useState<BatchFilter>('all');
  useBatchKeys();
  const today = isoDateOf(new Date());
  const warnings = useMemo(() => warningsByPerson(people), [people]);
  const failedJobIds = useMemo(() => failedJobIdsOf(jobs), [jobs]);
  const rows = people.map((person, index) => {
    const doubtful = doubtfulOf(person, today);
    const personWarnings = warnings.get(person.id) ?? [];
    return {
      person,
      index,
      doubtful,
      warnings: personWarnings.map((warning) => warning.message).join('\n'),
      facts: { person, doubtfulCount: doubtful.size, warned: personWarnings.length > 0 },
    };
  });
  const shown = rows.filter((row) => matchesFilter(filter, row.facts, failedJobIds));
  const checked = people.filter((person) => person.checked).length;
  return (
    <section aria-label="批量核对" className="grid gap-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <fieldset className="flex flex-wrap gap-1">
          <legend className="sr-only">筛选</legend>
          {BATCH_FILTERS.map((candidate) => (
            <button
              key={candidate}
              type="button"
              aria-pressed={filter === candidate}
              onClick={() => setFilter(candidate)}
              className="rounded border border-slate-300 px-2 py-0.5 aria-pressed:bg-slate-800 aria-pressed:text-white pointer-coarse:min-h-11"
            >
              {BATCH_FILTER_LABELS[candidate]}（
              {rows.filter((row) => matchesFilter(candidate, row.facts, failedJobIds)).length}）
            </button>
          ))}
        </fieldset>
        <p className="ml-auto text-slate-600">
          已核对 {checked} / {people.length} 人
        </p>
      </div>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        {/* Laid out as grids, not as a table: only a block can skip layout and paint while off
            screen (`content-visibility`), and 200 rows of inputs made every key slow otherwise. */}
        <table className="block min-w-[72rem] text-sm">
          <thead className="block bg-slate-50 text-left text-xs text-slate-600">
            <tr className="grid" style={{ gridTemplateColumns: BATCH_COLUMNS }}>
              <th scope="col" className="px-1">
                #
              </th>
              <th scope="col" className="px-1">
                已核对
              </th>
              {ALL_FIELDS.map((field) => (
                <th key={field} scope="col" className="px-1">
                  {FIELD_LABELS[field]}
                </th>
              ))}
              <th scope="col" className="px-1">
                存疑
              </th>
            </tr>
          </thead>
          <tbody className="block">
            {shown.map((row) => (
              <BatchRow
                key={row.person.id}
                person={row.person}
                index={row.index}
                doubtful={row.doubtful}
                warnings={row.warnings}
              />
            ))}
          </tbody>
        </table>
        {shown.length === 0 && (
          <p className="p-4 text-center text-slate-500">没有符合筛选的人员。</p>
        )}
      </div>
    </section>
  );
}
