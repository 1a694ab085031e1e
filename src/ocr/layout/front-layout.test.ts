import { describe, expect, it } from 'vitest';
import { rateReading, readCardFields } from './read-card-fields.ts';
import {
  faceOf,
  frontLines,
  type LineSpec,
  SAMPLE_FRONT,
  SAMPLE_TODAY,
} from './read-face-builder.ts';

/** The fields read off a portrait side made of `lines`. */
function frontFieldsOf(lines: readonly LineSpec[]) {
  return readCardFields(faceOf(lines), 'front', SAMPLE_TODAY).fields as Record<
    string,
    { value: string; confidence: number }
  >;
}

describe('the label column of the portrait side', () => {
  it('keeps the pieces of a label read apart out of the values', () => {
    // 姓名 read as 名 alone, 出生 as two unsure pieces 福 and 3: none is a label, none a value.
    const lines = frontLines(SAMPLE_FRONT).flatMap((line) => {
      if (line.text === '姓名') return [{ ...line, text: '名', x: 0.09 }];
      if (line.text === '出生') {
        return [
          { ...line, text: '福', x: 0.07 },
          { ...line, text: '3', x: 0.11 },
        ];
      }
      return [line];
    });
    const fields = frontFieldsOf(lines);
    expect(fields.name?.value).toBe('张三');
    expect(fields.birth?.value).toBe('1990-03-06');
  });

  it("keeps a value's lone last character that starts at a column left of the specimen's", () => {
    // A maker whose values start 2 % of the width left of the specimen's, an address wrapped
    // after eleven characters so that its last line is the 5 of …单元1425.
    const address = ['广东省茂名市信宜市寿柏', '家园10幢2单元142', '5'];
    const lines = frontLines({ ...SAMPLE_FRONT, address }).map((line) =>
      line.x === 0.18 ? { ...line, x: 0.16 } : line,
    );
    const fields = frontFieldsOf(lines);
    expect(fields.address?.value).toBe('广东省茂名市信宜市寿柏家园10幢2单元1425');
  });

  it('keeps a lone last character drawn a little left of the column, on a row of its own', () => {
    // The 8 ends 2 px short of the column (at 0.18 of the width), a twelfth of its height.
    const address = ['辽宁省阜新市新邱区桃竹', '大厦21幢3单元175', '8'];
    const lines = frontLines({ ...SAMPLE_FRONT, address }).map((line) =>
      line.text === '8' ? { ...line, x: 0.162 } : line,
    );
    expect(frontFieldsOf(lines).address?.value).toBe('辽宁省阜新市新邱区桃竹大厦21幢3单元1758');
  });
});

describe('an address line nearer the number row than its own', () => {
  // Print larger than the specimen's, at a looser pitch: the third line stands at 0.76 of the
  // height, nearer the number row's nominal centre (0.85) than the address's last (0.655).
  const largePrint = (address: string[], extra: LineSpec[] = []) =>
    [...frontLines({ ...SAMPLE_FRONT, address }), ...extra].map((line) => {
      const i = address.indexOf(line.text);
      return i === -1 ? line : { ...line, y: 0.51 + 0.125 * i, height: 40 };
    });

  it('is the address’s next line', () => {
    const address = ['湖南省娄底市娄星区月丰', '街68号28栋4单元2', '504室'];
    expect(frontFieldsOf(largePrint(address)).address?.value).toBe(
      '湖南省娄底市娄星区月丰街68号28栋4单元2504室',
    );
  });

  it('is not when it starts far right of the value column (a mark beside the number)', () => {
    const address = ['湖南省娄底市娄星区月丰', '街68号28栋4单元2504室'];
    const mark = { text: '他用无效', x: 0.6, y: 0.76, height: 40 };
    expect(frontFieldsOf(largePrint(address, [mark])).address?.value).toBe(
      '湖南省娄底市娄星区月丰街68号28栋4单元2504室',
    );
  });
});

describe('the address', () => {
  it('is not vouched for when it ends in a bare number (室 or 号 dropped at the line’s end)', () => {
    const lines = frontLines({
      ...SAMPLE_FRONT,
      address: ['北京市朝阳区建国路', '88号院3单元2705'],
    });
    const fields = frontFieldsOf(lines);
    expect(fields.address?.value).toBe('北京市朝阳区建国路88号院3单元2705');
    expect(fields.address?.confidence).toBeLessThan(0.9);
  });
});

describe('an address without its first line', () => {
  it('is not vouched for: it names no region, so its start was lost', () => {
    const lines = frontLines({ ...SAMPLE_FRONT, address: ['乡关银溪村1组7号'] });
    const fields = frontFieldsOf(lines);
    expect(fields.address?.value).toBe('乡关银溪村1组7号');
    expect(fields.address?.confidence).toBeLessThan(0.9);
  });

  it('rates below a reading of the lost line that names a region, even one gazetteer-mended', () => {
    const rate = (lines: LineSpec[]) => rateReading(faceOf(lines), 'front', SAMPLE_TODAY);
    const lost = rate(frontLines({ ...SAMPLE_FRONT, address: ['巷66号18栋4单元402室'] }));
    expect(lost.whole).toBe(false);
    // 节 read unsure as 牧 under a mark: the gazetteer's one name a character away is taken.
    const mended = frontLines({
      ...SAMPLE_FRONT,
      address: ['贵州省毕牧市纳雍县西李', '巷66号18栋4单元402室'],
    }).map((line) =>
      line.text.startsWith('贵州')
        ? { ...line, doubts: { 4: { prob: 0.42, alternatives: [] } } }
        : line,
    );
    expect(rate(mended).score).toBeGreaterThan(lost.score);
  });

  it('rates below a reading of the lost line that names a region, however unsure past it', () => {
    const rate = (lines: LineSpec[]) => rateReading(faceOf(lines), 'front', SAMPLE_TODAY);
    const lost = rate(frontLines({ ...SAMPLE_FRONT, address: ['乡园中塘村250号'] }));
    // 金 and 黄 read unsure under a usage line: the whole address at about 0.12.
    const unsure = frontLines({
      ...SAMPLE_FRONT,
      address: ['河北省沧州市南皮县金黄', '乡园中塘村250号'],
    }).map((line) =>
      line.text.startsWith('河北')
        ? {
            ...line,
            doubts: {
              9: { prob: 0.2, alternatives: [] },
              10: { prob: 0.6, alternatives: [] },
            },
          }
        : line,
    );
    expect(rate(unsure).score).toBeGreaterThan(lost.score);
  });
});

describe('an address cut short', () => {
  it('is not vouched for when it stops a character past its region’s name', () => {
    const lines = frontLines({ ...SAMPLE_FRONT, address: ['河南省平顶山市湛河区桃'] });
    const fields = frontFieldsOf(lines);
    expect(fields.address?.value).toBe('河南省平顶山市湛河区桃');
    expect(fields.address?.confidence).toBeLessThan(0.9);
  });

  it('is not vouched for when it stops inside its region’s name (its next line lost)', () => {
    const lines = frontLines({ ...SAMPLE_FRONT, address: ['甘肃省天水市张家川回族'] });
    const fields = frontFieldsOf(lines);
    expect(fields.address?.value).toBe('甘肃省天水市张家川回族');
    expect(fields.address?.confidence).toBeLessThan(0.9);
  });

  it('is vouched for when it goes on past its county', () => {
    const lines = frontLines({
      ...SAMPLE_FRONT,
      address: ['甘肃省天水市张家川回族自治县', '乐平乡丰白源村20号'],
    });
    const fields = frontFieldsOf(lines);
    expect(fields.address?.confidence).toBeGreaterThanOrEqual(0.9);
  });
});

describe('text above the name row', () => {
  it("is a mark's, never the name's first character", () => {
    const fields = frontFieldsOf([...frontLines(SAMPLE_FRONT), { text: '多', x: 0.89, y: 0.03 }]);
    expect(fields.name?.value).toBe('张三');
  });

  it('leaves a name printed a little high', () => {
    const lines = frontLines(SAMPLE_FRONT).map((line) =>
      line.text === '张三' ? { ...line, y: 0.13 } : line,
    );
    const fields = frontFieldsOf(lines);
    expect(fields.name?.value).toBe('张三');
  });
});

describe('a box between the name and the sex row', () => {
  it("is not the name's, a line's height below it", () => {
    // A usage line written under the name, boxed two characters at a time.
    const below = { text: '木林', x: 0.27, y: 0.22 };
    expect(frontFieldsOf([...frontLines(SAMPLE_FRONT), below]).name?.value).toBe('张三');
    // Longer than the name, it is still not on the name's line.
    const long = { text: '建设银行办理开户', x: 0.2, y: 0.22 };
    expect(frontFieldsOf([...frontLines(SAMPLE_FRONT), long]).name?.value).toBe('张三');
    // Level with the name but apart from it, a box is the name's (its last character).
    const apart = { text: '丰', x: 0.27, y: 0.175 };
    expect(frontFieldsOf([...frontLines(SAMPLE_FRONT), apart]).name?.value).toBe('张三丰');
  });
});

describe('the 性别 / 民族 row without its 民族 label', () => {
  it('files a value past where 民族 prints as the ethnic group, with the sex value lost', () => {
    // A stamp over 民族 and 女: only 回 is read on the row, well right of the label's place.
    const lines = frontLines({ ...SAMPLE_FRONT, ethnicity: '回' }).filter(
      (line) => line.text !== '民族' && line.text !== SAMPLE_FRONT.sex,
    );
    const fields = frontFieldsOf(lines);
    expect(fields.ethnicity?.value).toBe('回');
  });

  it("still reads the row's first character as the sex, the rest as the ethnic group", () => {
    const lines = frontLines(SAMPLE_FRONT).filter((line) => line.text !== '民族');
    const fields = frontFieldsOf(lines);
    expect(fields.sex?.value).toBe('男');
    expect(fields.ethnicity?.value).toBe('汉');
  });
});

describe('a face read sure', () => {
  const rate = (lines: LineSpec[]) => rateReading(faceOf(lines), 'front', SAMPLE_TODAY);

  it('is one whose every field holds a value vouched for', () => {
    expect(rate(frontLines(SAMPLE_FRONT))).toMatchObject({ whole: true, sure: true });
  });

  it('is not one with a value read unsure, though read whole', () => {
    // A name's second character at 0.6: complete, so whole, but not vouched for.
    const unsure = frontLines(SAMPLE_FRONT).map((line) =>
      line.text.includes(SAMPLE_FRONT.name)
        ? {
            ...line,
            doubts: { [line.text.indexOf(SAMPLE_FRONT.name) + 1]: { prob: 0.6, alternatives: [] } },
          }
        : line,
    );
    expect(rate(unsure)).toMatchObject({ whole: true, sure: false });
  });

  it('is not one with a value missing', () => {
    expect(rate(frontLines({ ...SAMPLE_FRONT, ethnicity: '' })).sure).toBe(false);
  });
});
