import type { CardField } from '../../idcard/api-contract.ts';
import { normalizeField } from '../../idcard/card-fields.ts';
import { useNotice } from '../desk/notice-store.ts';
import { FIELD_LABELS } from '../people/card-fields.ts';
import { type Person, personValues } from '../people/person.ts';
import { copyText } from './clipboard.ts';
import { downloadBlob, exportFileStem } from './download.ts';
import { canonicalValues, toCsv, toJson, toJsonRecord, toTsvRow } from './export-formats.ts';
import { toSpreadsheetHtml } from './spreadsheet-html.ts';
import { toXlsx, XLSX_MIME_TYPE } from './xlsx-export.ts';

/** What leaves the desk is always in the API's canonical form (export-formats.ts). */
function exportedValues(person: Person) {
  return canonicalValues(personValues(person));
}

function who(person: Person): string {
  return personValues(person).name || '此人';
}

/** Reports the outcome on screen either way: a refused clipboard must not look like success. */
async function copyAndAnnounce(done: string, text: string, html?: string): Promise<void> {
  const { announce } = useNotice.getState();
  try {
    await copyText(text, html);
    announce(done);
  } catch (error) {
    announce(`复制失败：${error instanceof Error ? error.message : String(error)}`);
  }
}

export function copyPersonRow(person: Person): Promise<void> {
  const values = exportedValues(person);
  return copyAndAnnounce(`已复制${who(person)}的整行`, toTsvRow(values), toSpreadsheetHtml(values));
}

export function copyPersonJson(person: Person): Promise<void> {
  const json = JSON.stringify(toJsonRecord(exportedValues(person)), null, 2);
  return copyAndAnnounce(`已复制${who(person)}的 JSON`, json);
}

export function copyFieldValue(field: CardField, value: string): Promise<void> {
  return copyAndAnnounce(`已复制${FIELD_LABELS[field]}`, normalizeField(field, value));
}

export function exportPeopleCsv(people: readonly Person[]): void {
  downloadBlob(
    `${exportFileStem(new Date())}.csv`,
    new Blob([toCsv(people.map(exportedValues))], { type: 'text/csv;charset=utf-8' }),
  );
  useNotice.getState().announce(`已导出 ${people.length} 人（CSV）`);
}

export function exportPeopleJson(people: readonly Person[]): void {
  downloadBlob(
    `${exportFileStem(new Date())}.json`,
    new Blob([toJson(people.map(exportedValues))], { type: 'application/json' }),
  );
  useNotice.getState().announce(`已导出 ${people.length} 人（JSON）`);
}

export async function exportPeopleXlsx(people: readonly Person[]): Promise<void> {
  const { announce } = useNotice.getState();
  try {
    const { default: ExcelJS } = await import('exceljs');
    const bytes = await toXlsx(ExcelJS, people.map(exportedValues));
    downloadBlob(
      `${exportFileStem(new Date())}.xlsx`,
      new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME_TYPE }),
    );
    announce(`已导出 ${people.length} 人（Excel）`);
  } catch (error) {
    announce(`导出 Excel 失败：${error instanceof Error ? error.message : String(error)}`);
  }
}
