import type { Workbook } from 'exceljs';
import { ALL_FIELDS } from '../people/card-fields.ts';
import type { FieldValues } from '../people/person.ts';
import { EXPORT_HEADER, rowCells } from './export-formats.ts';

/** Excel's built-in "Text" number format: what is typed into such a cell stays text too. */
const TEXT_FORMAT = '@';

/** Widths in characters: the 18-digit number and addresses need room to be read at a glance. */
const COLUMN_WIDTHS: Partial<Record<(typeof ALL_FIELDS)[number], number>> = {
  name: 10,
  address: 40,
  number: 22,
  issue: 24,
};

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The people as one sheet whose every cell is a string in a column formatted as text, so Excel,
 * WPS and LibreOffice keep all 18 digits of the number and dates as written. ExcelJS is passed
 * in, so the browser loads it only when the clerk exports (it is about 1 MB).
 */
export async function toXlsx(
  ExcelJS: { Workbook: new () => Workbook },
  people: readonly FieldValues[],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('身份证');
  sheet.columns = ALL_FIELDS.map((field, index) => ({
    header: EXPORT_HEADER[index],
    key: field,
    width: COLUMN_WIDTHS[field] ?? 12,
    style: { numFmt: TEXT_FORMAT },
  }));
  for (const values of people) {
    const row = sheet.addRow(rowCells(values));
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.numFmt = TEXT_FORMAT;
    });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
