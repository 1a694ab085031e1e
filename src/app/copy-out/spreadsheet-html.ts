import type { FieldValues } from '../people/person.ts';
import { rowCells } from './export-formats.ts';

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/**
 * The same row as an HTML table, which spreadsheets prefer over plain text when pasting. Each
 * cell is marked as text (`mso-number-format:"\@"`, honoured by Excel and WPS): pasted as plain
 * text, an 18-digit ID number becomes a float and loses its last three digits.
 */
export function toSpreadsheetHtml(values: FieldValues): string {
  const cells = rowCells(values)
    .map((cell) => `<td style="mso-number-format:'\\@'">${escapeHtml(cell)}</td>`)
    .join('');
  return `<table><tr>${cells}</tr></table>`;
}
