import { describe, expect, it } from 'vitest';
import { canonicalValues, toCsv, toJson, toTsvRow } from './export-formats.ts';

const zhang = {
  name: '张三',
  sex: '男',
  ethnicity: '汉',
  birth: '1990-03-06',
  address: '北京市东城区景山前街4号',
  number: '11010119900306001X',
  issue: '北京市公安局东城分局',
  valid_from: '2015-03-06',
  valid_to: '2035-03-06',
};

describe('toTsvRow', () => {
  it('puts the fields in card order, tab-separated, on one line', () => {
    expect(toTsvRow(zhang)).toBe(
      '张三\t男\t汉\t1990-03-06\t北京市东城区景山前街4号\t11010119900306001X\t北京市公安局东城分局\t2015-03-06\t2035-03-06',
    );
  });

  it('leaves the cells of a missing face empty so columns stay aligned', () => {
    const cells = toTsvRow({
      issue: '某市公安局',
      valid_from: '2020-01-01',
      valid_to: '长期',
    }).split('\t');
    expect(cells).toHaveLength(9);
    expect(cells.slice(0, 6)).toEqual(['', '', '', '', '', '']);
    expect(cells[8]).toBe('长期');
  });

  it('turns tabs and line breaks inside a value into spaces', () => {
    expect(toTsvRow({ address: '北京市\t东城区\n景山前街' }).split('\t')[4]).toBe(
      '北京市 东城区 景山前街',
    );
  });
});

describe('canonicalValues', () => {
  it('writes what the clerk typed in the API form', () => {
    const values = canonicalValues({
      name: ' 张 三 ',
      ethnicity: '汉族',
      birth: '1990年3月6日',
      number: '11010119900306001x',
      valid_from: '2015.03.06',
      valid_to: '长期',
    });
    expect(values).toMatchObject({
      name: '张三',
      ethnicity: '汉',
      birth: '1990-03-06',
      number: '11010119900306001X',
      valid_from: '2015-03-06',
      valid_to: '长期',
      address: '',
    });
  });
});

describe('toCsv', () => {
  it('writes the number as a text formula so spreadsheets keep all 18 digits', () => {
    const [, row] = toCsv([zhang]).split('\r\n');
    expect(row?.split(',')[5]).toBe('"=""11010119900306001X"""');
  });

  it('never writes a cell a spreadsheet would run as a formula', () => {
    const [, row] = toCsv([{ address: '=HYPERLINK("x")', number: '=1+1' }]).split('\r\n');
    expect(row).toBe(`,,,,"'=HYPERLINK(""x"")",'=1+1,,,`);
  });

  it('starts with a BOM and a header of printed labels, one CRLF line per person', () => {
    const csv = toCsv([zhang, { name: '李四' }]);
    expect(
      csv.startsWith(
        '\uFEFF姓名,性别,民族,出生,住址,公民身份号码,签发机关,有效期限起,有效期限止\r\n',
      ),
    ).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4);
    expect(csv).toContain('\r\n李四,,,,,,,,\r\n');
  });

  it('quotes cells holding commas or quotes', () => {
    const csv = toCsv([{ address: '某街"3"号,东门' }]);
    expect(csv).toContain(',"某街""3""号,东门",');
  });
});

describe('toJson', () => {
  it('writes every field under its API name', () => {
    const parsed = JSON.parse(toJson([zhang, { name: '李四' }]));
    expect(parsed[0]).toEqual(zhang);
    expect(parsed[1].valid_to).toBe('');
    expect(Object.keys(parsed[1])).toHaveLength(9);
  });
});
