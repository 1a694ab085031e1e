import { BACK_FIELDS, type CardField, FRONT_FIELDS } from '../../src/idcard/api-contract.ts';
import type { EngineSummary, GroupSummary, Rate } from './summary.ts';

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

/** The human-readable report of one engine's run. */
export function formatSummary(summary: EngineSummary, description: string): string {
  const { all, latencyPerFaceMs: latency } = summary;
  const rows = [
    ['condition', 'n', ...FIELDS.map((field) => HEADS[field]), 'cards'],
    ...Object.entries(summary.byCondition).map(([condition, group]) => row(condition, group)),
    row('all', all),
  ];
  const rightShare = all.cards.total === 0 ? 0 : (100 * all.cards.correct) / all.cards.total;
  return [
    `== ${summary.engine}: ${description}`,
    `images ${summary.images}, faces ${summary.faces}, answered with an error ${summary.errors}`,
    'exact-match accuracy per field after normalisation; cards = images with every field right',
    table(rows),
    `cards fully right: ${all.cards.correct}/${all.cards.total} (${rightShare.toFixed(1)} %)`,
    `wrong values not marked doubtful: ${summary.unflaggedWrong}`,
    `latency per face: median ${milliseconds(latency.median)}, p90 ${milliseconds(latency.p90)}, max ${milliseconds(latency.max)}`,
    `peak resident memory: ${summary.peakRssMiB.toFixed(0)} MiB`,
  ].join('\n');
}
