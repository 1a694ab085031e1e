import { BACK_FIELDS, type CardField, FRONT_FIELDS } from '../../src/idcard/api-contract.ts';
import type { EngineSummary, GroupSummary, Rate } from './summary.ts';
import type { UnspellableSummary } from './unspellable.ts';

const FIELDS: readonly CardField[] = [...FRONT_FIELDS, ...BACK_FIELDS];

/** Short column heads so the table fits a terminal. */
const HEADS: Record<CardField, string> = {
  name: 'name',
  sex: 'sex',
  ethnicity: 'ethn',
  birth: 'birth',
  address: 'addr',
  number: 'number',
  issue: 'issue',
  valid_from: 'from',
  valid_to: 'to',
};

function milliseconds(value: number): string {
  return `${value.toFixed(value < 10 ? 1 : 0)} ms`;
}

function percent(rate: Rate | undefined): string {
  if (rate === undefined || rate.total === 0) return '-';
  return `${((100 * rate.correct) / rate.total).toFixed(0)}%`;
}

function row(label: string, group: GroupSummary): string[] {
  return [
    label,
    String(group.images),
    ...FIELDS.map((field) => percent(group.fields[field])),
    `${group.cards.correct}/${group.cards.total}`,
  ];
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) =>
    Math.max(...rows.map((r) => (r[column] ?? '').length)),
  );
  return rows
    .map((cells) =>
      cells
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths?.[column] ?? 0) : cell.padStart(widths?.[column] ?? 0),
        )
        .join('  '),
    )
    .join('\n');
}

/** A table by one of the ground truth's recorded properties, after a blank line; none if absent. */
function sliceTable(head: string, groups: Record<string, GroupSummary> | undefined): string[] {
  if (groups === undefined || Object.keys(groups).length === 0) return [];
  const rows = [
    [head, 'n', ...FIELDS.map((field) => HEADS[field]), 'cards'],
    ...Object.entries(groups).map(([key, group]) => row(key, group)),
  ];
  return ['', table(rows)];
}

/** The fields written in free text, where rare characters turn up; always listed. */
const FREE_TEXT_FIELDS: readonly CardField[] = ['name', 'address', 'issue'];

function counted(rate: Rate | undefined): string {
  return rate === undefined ? '-' : `${percent(rate)} (${rate.correct}/${rate.total})`;
}

/**
 * Two lines: how many expected values hold a character the dictionary lacks, per field, and
 * the accuracy over the values it can spell.
 */
export function formatUnspellable(unspellable: UnspellableSummary): string[] {
  const fields = FIELDS.filter(
    (field) => FREE_TEXT_FIELDS.includes(field) || (unspellable.byField[field] ?? 0) > 0,
  );
  const counts = fields.map((field) => `${field} ${unspellable.byField[field] ?? 0}`);
  const rest = fields.map((field) => `${field} ${counted(unspellable.remaining[field])}`);
  return [
    `values the dictionary cannot spell: ${unspellable.values} (${counts.join(', ')})`,
    `accuracy over the values it can spell: ${rest.join(', ')}`,
  ];
}

/** The human-readable report of one engine's run. */
export function formatSummary(summary: EngineSummary, description: string): string {
  const { all, latencyPerFaceMs: latency } = summary;
  const rows = [
    ['condition', 'n', ...FIELDS.map((field) => HEADS[field]), 'cards'],
    ...Object.entries(summary.byCondition).map(([condition, group]) => row(condition, group)),
    row('all', all),
  ];
  const slices = [
    ...sliceTable('family', summary.byFamily),
    ...sliceTable('marks', summary.byOverlay),
    ...sliceTable('name chars', summary.byNameLevel),
  ];
  const rightShare = all.cards.total === 0 ? 0 : (100 * all.cards.correct) / all.cards.total;
  return [
    `== ${summary.engine}: ${description}`,
    `images ${summary.images}, faces ${summary.faces}, answered with an error ${summary.errors}`,
    'exact-match accuracy per field after normalisation; cards = images with every field right',
    table(rows),
    ...slices,
    `cards fully right: ${all.cards.correct}/${all.cards.total} (${rightShare.toFixed(1)} %)`,
    `wrong values not marked doubtful: ${summary.unflaggedWrong}`,
    ...(summary.unspellable ? formatUnspellable(summary.unspellable) : []),
    `latency per face: median ${milliseconds(latency.median)}, p90 ${milliseconds(latency.p90)}, max ${milliseconds(latency.max)}`,
    `peak resident memory: ${summary.peakRssMiB.toFixed(0)} MiB`,
  ].join('\n');
}
