import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toXlsx } from './xlsx-export.ts';

describe('toXlsx', () => {
  it('writes the number as a text cell that reads back with all 18 digits', async () => {
    const bytes = await toXlsx(ExcelJS, [
      { name: '张三', birth: '1990-03-06', number: '110101199003060018', valid_to: '长期' },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('身份证');
    expect(sheet?.getRow(1).getCell(6).value).toBe('公民身份号码');
    const number = sheet?.getRow(2).getCell(6);
    expect(number?.type).toBe(ExcelJS.ValueType.String);
    expect(number?.value).toBe('110101199003060018');
    expect(number?.numFmt).toBe('@');
    expect(sheet?.getRow(2).getCell(4).value).toBe('1990-03-06');
    expect(sheet?.getRow(2).getCell(9).value).toBe('长期');
  });
});
