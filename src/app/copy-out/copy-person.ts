import { useNotice } from '../desk/notice-store.ts';
import { type Person, personValues } from '../people/person.ts';
import { copyText } from './clipboard.ts';
import { downloadText, exportFileStem } from './download.ts';
import { toCsv, toJson, toJsonRecord, toTsvRow } from './export-formats.ts';
import { toSpreadsheetHtml } from './spreadsheet-html.ts';

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
  const values = personValues(person);
  return copyAndAnnounce(`已复制${who(person)}的整行`, toTsvRow(values), toSpreadsheetHtml(values));
}

export function copyPersonJson(person: Person): Promise<void> {
  const json = JSON.stringify(toJsonRecord(personValues(person)), null, 2);
  return copyAndAnnounce(`已复制${who(person)}的 JSON`, json);
}

export function copyFieldValue(label: string, value: string): Promise<void> {
  return copyAndAnnounce(`已复制${label}`, value);
}

export function exportPeopleCsv(people: readonly Person[]): void {
  downloadText(
    `${exportFileStem(new Date())}.csv`,
    toCsv(people.map(personValues)),
    'text/csv;charset=utf-8',
  );
  useNotice.getState().announce(`已导出 ${people.length} 人（CSV）`);
}

export function exportPeopleJson(people: readonly Person[]): void {
  downloadText(
    `${exportFileStem(new Date())}.json`,
    toJson(people.map(personValues)),
    'application/json',
  );
  useNotice.getState().announce(`已导出 ${people.length} 人（JSON）`);
}
