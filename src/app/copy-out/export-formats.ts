import { ALL_FIELDS, FIELD_LABELS } from '../people/card-fields.ts';
import type { FieldValues } from '../people/person.ts';

/** A person's fields in column order, empty where a face is missing. */
export function rowCells(values: FieldValues): string[] {
  return ALL_FIELDS.map((field) => values[field] ?? '');
}

/**
 * One tab-separated line that a spreadsheet pastes as one row: a tab or line break inside a
 * value would split the row, so each becomes a space.
 */
export function toTsvRow(values: FieldValues): string {
  return rowCells(values)
    .map((cell) => cell.replace(/[\t\r\n]+/g, ' '))
    .join('\t');
}

/** The API's own field names, so the JSON reads like a recognition result. */
export function toJsonRecord(values: FieldValues): Record<string, string> {
  return Object.fromEntries(ALL_FIELDS.map((field) => [field, values[field] ?? '']));
}

export function toJson(people: readonly FieldValues[]): string {
  return JSON.stringify(people.map(toJsonRecord), null, 2);
}

/** Excel opens a CSV as UTF-8 only when it starts with a byte-order mark. */
const UTF8_BOM = '\uFEFF';

/** RFC 4180: quote a cell holding a comma, quote or line break, doubling inner quotes. */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toCsv(people: readonly FieldValues[]): string {
  const header = ALL_FIELDS.map((field) => FIELD_LABELS[field]);
  const lines = [header, ...people.map(rowCells)].map((cells) => cells.map(csvCell).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
