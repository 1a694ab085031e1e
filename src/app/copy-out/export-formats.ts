import { normalizeField } from '../../idcard/card-fields.ts';
import { ALL_FIELDS, FIELD_LABELS } from '../people/card-fields.ts';
import type { FieldValues } from '../people/person.ts';

/**
 * The values as the API writes them, whatever the clerk typed: no spaces, 汉族 as 汉, dates as
 * YYYY-MM-DD, an uppercase X; so a copied row and an export compare equal with any other reading.
 */
export function canonicalValues(values: FieldValues): FieldValues {
  return Object.fromEntries(
    ALL_FIELDS.map((field) => [field, normalizeField(field, values[field] ?? '')]),
  );
}

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

/**
 * RFC 4180: quote a cell holding a comma, quote or line break, doubling inner quotes. A cell that
 * a spreadsheet would take for a formula gets a leading apostrophe (OWASP, "CSV Injection").
 */
function csvCell(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

/** Column headers of the exports: the labels printed on the card. */
export const EXPORT_HEADER: readonly string[] = ALL_FIELDS.map((field) => FIELD_LABELS[field]);

/**
 * Excel and WPS open a CSV's 18-digit number as a float and keep 15 digits. Written as the
 * formula `="…"` it stays text in both; only a value of digits and X is written so, so no other
 * formula can be slipped into the file.
 */
function csvNumberCell(value: string): string {
  return /^[0-9X]+$/.test(value) ? `"=""${value}"""` : csvCell(value);
}

export function toCsv(people: readonly FieldValues[]): string {
  const numberColumn = ALL_FIELDS.indexOf('number');
  const rows = people.map((values) =>
    rowCells(values).map((cell, column) =>
      column === numberColumn ? csvNumberCell(cell) : csvCell(cell),
    ),
  );
  const lines = [EXPORT_HEADER.map(csvCell), ...rows].map((cells) => cells.join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
