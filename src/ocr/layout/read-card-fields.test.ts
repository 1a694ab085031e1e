import { describe, expect, it } from 'vitest';
import { candidatesForPosition } from '../../idcard/id-number.ts';
import { NoCardFoundError } from '../errors.ts';
import type { CardReading, FieldReading } from './card-reading.ts';
import { rateReading, readCardFields } from './read-card-fields.ts';
import {
  backLines,
  faceOf,
  frontLines,
  type LineSpec,
  SAMPLE_FRONT,
  SAMPLE_NUMBER,
  SAMPLE_TODAY,
} from './read-face-builder.ts';

function fields(reading: CardReading): Record<string, FieldReading> {
  return reading.fields;
}

function values(reading: CardReading): Record<string, string> {
  return Object.fromEntries(Object.entries(fields(reading)).map(([k, f]) => [k, f.value]));
}

function front(overrides: Partial<typeof SAMPLE_FRONT> = {}, extra: LineSpec[] = []) {
  return faceOf([...frontLines({ ...SAMPLE_FRONT, ...overrides }), ...extra]);
}

/** Replaces the line whose text is `text` with `replacement` lines. */
function replaceLine(lines: LineSpec[], text: string, replacement: LineSpec[]): LineSpec[] {
  const index = lines.findIndex((l) => l.text === text);
  if (index === -1) throw new Error(`no line ${text}`);
  return [...lines.slice(0, index), ...replacement, ...lines.slice(index + 1)];
}

describe('readCardFields on the portrait side', () => {
  it('reads labels and values detected as separate lines', () => {
    const reading = readCardFields(front(), 'auto', SAMPLE_TODAY);
    expect(reading.side).toBe('front');
    expect(values(reading)).toEqual({
      name: '张三',
      sex: '男',
      ethnicity: '汉',
      birth: '1990-03-06',
      address: '北京市朝阳区建国路88号院3号楼',
      number: SAMPLE_NUMBER,
    });
    for (const field of Object.values(fields(reading))) {
      expect(field.confidence).toBeGreaterThanOrEqual(0.9);
      expect(field.box).not.toBeNull();
    }
  });

  it('vouches for no address on a face whose number row read nothing', () => {
    // Whatever hid the number may have taken the address's last line with it.
    const withoutNumber = frontLines(SAMPLE_FRONT).filter(
      (line) => line.text !== SAMPLE_NUMBER && line.text !== '公民身份号码',
    );
    const { address } = fields(readCardFields(faceOf(withoutNumber), 'front', SAMPLE_TODAY));
    expect(address?.value).toBe('北京市朝阳区建国路88号院3号楼');
    expect(address?.confidence).toBeLessThan(0.9);
    expect(address?.incomplete).toBe(true);
  });

  it('puts the value box where the value was read, not over its label', () => {
    const { name } = fields(readCardFields(front(), 'front', SAMPLE_TODAY));
    // 张三 starts at 18 % of 856 px; the label 姓名 ends at about 12 %.
    expect(name?.box?.[0][0]).toBeCloseTo(0.18 * 856, 0);
  });

  it('reads labels merged with their values into one line', () => {
    const face = faceOf([
      { text: '姓名张三', x: 0.06, y: 0.17 },
      { text: '性别男民族汉', x: 0.06, y: 0.29 },
      { text: '出生1990年3月6日', x: 0.06, y: 0.4 },
      { text: '住址北京市朝阳区建国路', x: 0.06, y: 0.51 },
      { text: '88号院3号楼', x: 0.18, y: 0.59 },
      { text: `公民身份号码${SAMPLE_NUMBER}`, x: 0.06, y: 0.85 },
    ]);
    expect(values(readCardFields(face, 'auto', SAMPLE_TODAY))).toEqual({
      name: '张三',
      sex: '男',
      ethnicity: '汉',
      birth: '1990-03-06',
      address: '北京市朝阳区建国路88号院3号楼',
      number: SAMPLE_NUMBER,
    });
  });

  it('reads misread labels and a birth row split into its parts', () => {
    let lines = frontLines(SAMPLE_FRONT);
    lines = replaceLine(lines, '性别', [{ text: '性剐', x: 0.06, y: 0.29 }]);
    lines = replaceLine(lines, '民族', [{ text: '民旅', x: 0.35, y: 0.29 }]);
    lines = replaceLine(lines, '公民身份号码', [{ text: '公民身价号玛', x: 0.06, y: 0.85 }]);
    lines = replaceLine(lines, '1990年3月6日', [
      { text: '1990', x: 0.18, y: 0.4 },
      { text: '年', x: 0.24, y: 0.4 },
      { text: '3', x: 0.3, y: 0.4 },
      { text: '月', x: 0.33, y: 0.4 },
      { text: '6', x: 0.39, y: 0.4 },
      { text: '日', x: 0.42, y: 0.4 },
    ]);
    const reading = readCardFields(faceOf(lines), 'auto', SAMPLE_TODAY);
    expect(values(reading)).toMatchObject({
      sex: '男',
      ethnicity: '汉',
      birth: '1990-03-06',
      number: SAMPLE_NUMBER,
    });
  });

  it('joins an address over three lines, a house number broken between two', () => {
    const reading = readCardFields(
      front({ address: ['广东省深圳市福田区华强北路1', '23号华强广场', 'A座1501'] }),
      'auto',
      SAMPLE_TODAY,
    );
    expect(reading.fields).toMatchObject({
      address: { value: '广东省深圳市福田区华强北路123号华强广场A座1501' },
    });
  });

  it('finds the rows without their labels, and ignores text read in the photo', () => {
    const face = faceOf([
      { text: '张三', x: 0.18, y: 0.17 },
      { text: '男', x: 0.18, y: 0.29 },
      { text: '汉', x: 0.46, y: 0.29 },
      { text: '1990年3月6日', x: 0.18, y: 0.4 },
      { text: '北京市朝阳区建国路', x: 0.18, y: 0.51 },
      { text: '88号院3号楼', x: 0.18, y: 0.59 },
      { text: '平安', x: 0.72, y: 0.4 },
      { text: SAMPLE_NUMBER, x: 0.33, y: 0.85 },
    ]);
    expect(values(readCardFields(face, 'front', SAMPLE_TODAY))).toEqual({
      name: '张三',
      sex: '男',
      ethnicity: '汉',
      birth: '1990-03-06',
      address: '北京市朝阳区建国路88号院3号楼',
      number: SAMPLE_NUMBER,
    });
  });

  it('does not take 民族 inside an address for the label', () => {
    const reading = readCardFields(
      front({ address: ['广西壮族自治区南宁市青秀', '区民族大道100号'] }),
      'front',
      SAMPLE_TODAY,
    );
    expect(values(reading)).toMatchObject({
      ethnicity: '汉',
      address: '广西壮族自治区南宁市青秀区民族大道100号',
    });
  });

  it('places unlabelled rows by the labels read on a face with a wide margin', () => {
    const unlabelled = new Set(['性别', '民族', '出生', '住址']);
    const shrunk = frontLines(SAMPLE_FRONT)
      .filter((line) => !unlabelled.has(line.text))
      .map((line) => ({ ...line, x: 0.08 + 0.84 * line.x, y: 0.12 + 0.8 * line.y }));
    expect(values(readCardFields(faceOf(shrunk), 'auto', SAMPLE_TODAY))).toEqual({
      name: '张三',
      sex: '男',
      ethnicity: '汉',
      birth: '1990-03-06',
      address: '北京市朝阳区建国路88号院3号楼',
      number: SAMPLE_NUMBER,
    });
  });

  it('reads a number split by detection into two boxes', () => {
    const lines = replaceLine(frontLines(SAMPLE_FRONT), SAMPLE_NUMBER, [
      { text: SAMPLE_NUMBER.slice(0, 10), x: 0.33, y: 0.85 },
      { text: SAMPLE_NUMBER.slice(10), x: 0.55, y: 0.85 },
    ]);
    expect(values(readCardFields(faceOf(lines), 'front', SAMPLE_TODAY)).number).toBe(SAMPLE_NUMBER);
  });

  it('gives a name with a character the recogniser barely knows a low confidence', () => {
    const lines = replaceLine(frontLines(SAMPLE_FRONT), '张三', [
      {
        text: '王喆',
        x: 0.18,
        y: 0.17,
        doubts: { 1: { prob: 0.31, alternatives: [['吉', 0.2]] } },
      },
    ]);
    const { name } = fields(readCardFields(faceOf(lines), 'front', SAMPLE_TODAY));
    expect(name?.value).toBe('王喆');
    expect(name?.confidence).toBeLessThan(0.5);
    // The recogniser's runner-up spells the other name the clerk may mean.
    expect(name?.alternatives).toEqual(['王吉']);
  });

  it('reads a name in a traditional form as the simplified one, unvouched, offering the reading', () => {
    const lines = replaceLine(frontLines(SAMPLE_FRONT), '张三', [
      {
        text: '孙瑤海',
        x: 0.18,
        y: 0.17,
        doubts: { 1: { prob: 0.99, alternatives: [['瑶', 0.009]] } },
      },
    ]);
    const { name } = fields(readCardFields(faceOf(lines), 'front', SAMPLE_TODAY));
    expect(name?.value).toBe('孙瑶海');
    expect(name?.confidence).toBeLessThan(0.9);
    expect(name?.alternatives).toEqual(['孙瑤海']);
  });
});

/** The issuing authority read off the sample emblem side with `issue` printed. */
function issueOf(issue: string) {
  return fields(
    readCardFields(
      faceOf(backLines({ issue, validity: '2015.03.06-2035.03.06' })),
      'back',
      SAMPLE_TODAY,
    ),
  ).issue;
}

describe('place names on both sides', () => {
  it('takes the alternative of a doubtful character that makes the address region real', () => {
    const lines = replaceLine(frontLines(SAMPLE_FRONT), '北京市朝阳区建国路', [
      {
        text: '北京市朝阴区建国路',
        x: 0.18,
        y: 0.51,
        doubts: { 4: { prob: 0.45, alternatives: [['阳', 0.4]] } },
      },
    ]);
    const { address } = fields(readCardFields(faceOf(lines), 'front', SAMPLE_TODAY));
    expect(address?.value).toBe('北京市朝阳区建国路88号院3号楼');
    expect(address?.confidence).toBeLessThan(0.9);
  });

  it('cuts the remains of 住址 read with the address, and does not vouch for it', () => {
    const lines = replaceLine(frontLines(SAMPLE_FRONT), '北京市朝阳区建国路', [
      { text: '址北京市朝阳区建国路', x: 0.16, y: 0.51 },
    ]);
    const { address } = fields(readCardFields(faceOf(lines), 'front', SAMPLE_TODAY));
    expect(address?.value).toBe('北京市朝阳区建国路88号院3号楼');
    expect(address?.confidence).toBeLessThan(0.9);
  });

  it("vouches for no name, address or value under a line read with a mark's ink lifted off", () => {
    const face = front();
    const inked = face.lines.map((line) =>
      line.text.includes('1990') ? { ...line, inkSeparated: true as const } : line,
    );
    expect(inked).not.toEqual(face.lines);
    const read = fields(readCardFields({ ...face, lines: inked }, 'front', SAMPLE_TODAY));
    for (const field of ['name', 'address', 'birth']) {
      expect(read[field]?.confidence).toBeLessThan(0.9);
    }
    const plain = fields(readCardFields(face, 'front', SAMPLE_TODAY));
    expect(plain.name?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('vouches for no name or address on a face detected with a mark ink lifted off', () => {
    const face = front();
    const lines = face.lines.map((line) => ({ ...line, onInkedFace: true as const }));
    const read = fields(readCardFields({ ...face, lines }, 'front', SAMPLE_TODAY));
    expect(read.name?.confidence).toBeLessThan(0.9);
    expect(read.address?.confidence).toBeLessThan(0.9);
    expect(read.number?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('vouches for a long address whose region the gazetteer confirms', () => {
    const lines = replaceLine(frontLines(SAMPLE_FRONT), '北京市朝阳区建国路', [
      {
        text: '北京市朝阳区建国路',
        x: 0.18,
        y: 0.51,
        doubts: { 3: { prob: 0.9, alternatives: [] }, 4: { prob: 0.9, alternatives: [] } },
      },
    ]);
    const { address } = fields(readCardFields(faceOf(lines), 'front', SAMPLE_TODAY));
    expect(address?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('chooses the bureau the gazetteer names for a character the recogniser cannot spell', () => {
    const face = faceOf(
      backLines({ issue: '西安市公安局鄂邑分局', validity: '2015.03.06-2035.03.06' }).map((line) =>
        line.text.startsWith('西安')
          ? { ...line, doubts: { 6: { prob: 0.64, alternatives: [] } } }
          : line,
      ),
    );
    const issue = fields(readCardFields(face, 'back', SAMPLE_TODAY)).issue;
    expect(issue?.value).toBe('西安市公安局鄠邑分局');
    expect(issue?.confidence).toBeLessThan(0.9);
  });

  it('cuts a misread label before the bureau, and does not vouch for it', () => {
    const face = faceOf(
      backLines({ issue: '鑫巢机美荔浦市公安局', validity: '2015.03.06-2035.03.06' }),
    );
    const issue = fields(readCardFields(face, 'back', SAMPLE_TODAY)).issue;
    expect(issue?.value).toBe('荔浦市公安局');
    expect(issue?.confidence).toBeLessThan(0.9);
  });

  it('does not vouch for a bureau that may have lost its first character', () => {
    const face = faceOf(backLines({ issue: '南县公安局', validity: '2015.03.06-2035.03.06' }));
    expect(fields(readCardFields(face, 'back', SAMPLE_TODAY)).issue?.confidence).toBeLessThan(0.9);
  });

  it('gives a bureau read without its last 局 the 局 when that names a listed one, unvouched', () => {
    const lost = issueOf('都昌县公安');
    expect(lost?.value).toBe('都昌县公安局');
    expect(lost?.confidence).toBeLessThan(0.9);
    expect(issueOf('都昌县公安局')?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(issueOf('兴山悬')?.value).toBe('兴山悬');
  });

  it('keeps a bureau the gazetteer does not hold as read, and does not vouch for it', () => {
    // 颖 for 颍, read surely: one character off a listed bureau.
    expect(issueOf('阜阳市公安局颖州分局')).toMatchObject({ value: '阜阳市公安局颖州分局' });
    expect(issueOf('阜阳市公安局颖州分局')?.confidence).toBeLessThan(0.9);
    expect(issueOf('阜阳市公安局颍州分局')?.confidence).toBeGreaterThanOrEqual(0.9);
  });
});

describe('names', () => {
  it('does not vouch for a name with one character a little short of sure (活 for 湉)', () => {
    const lines = replaceLine(frontLines(SAMPLE_FRONT), '张三', [
      {
        text: '雷活成',
        x: 0.18,
        y: 0.17,
        doubts: {
          0: { prob: 0.996, alternatives: [] },
          1: { prob: 0.982, alternatives: [['话', 0.004]] },
          2: { prob: 0.994, alternatives: [] },
        },
      },
    ]);
    const { name } = fields(readCardFields(faceOf(lines), 'front', SAMPLE_TODAY));
    expect(name?.value).toBe('雷活成');
    expect(name?.confidence).toBeLessThan(0.9);
  });
});

describe('transliterated names', () => {
  const nameOf = (name: string, ethnicity: string) =>
    fields(readCardFields(front({ name, ethnicity }), 'front', SAMPLE_TODAY)).name;

  it('does not vouch for a name of a dotted group read without its middle dot', () => {
    expect(nameOf('艾力努尔', '维吾尔')).toMatchObject({ value: '艾力努尔' });
    expect(nameOf('艾力努尔', '维吾尔')?.confidence).toBeLessThan(0.9);
  });

  it('vouches for the same name read with its dot, or a short name of that group', () => {
    expect(nameOf('艾力·努尔', '维吾尔')?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(nameOf('艾力努', '维吾尔')?.confidence).toBeGreaterThanOrEqual(0.9);
  });
});

describe('cross-checks on the portrait side', () => {
  function withNumber(spec: Omit<LineSpec, 'x' | 'y'>): LineSpec[] {
    return replaceLine(frontLines(SAMPLE_FRONT), SAMPLE_NUMBER, [{ ...spec, x: 0.33, y: 0.85 }]);
  }

  it('repairs a doubtful digit with the alternative the check character asks for', () => {
    // Position 14 is a 1, read as 7 with 1 as the runner-up.
    const misread = `${SAMPLE_NUMBER.slice(0, 14)}7${SAMPLE_NUMBER.slice(15)}`;
    const face = faceOf(
      withNumber({ text: misread, doubts: { 14: { prob: 0.55, alternatives: [['1', 0.4]] } } }),
    );
    const { number } = fields(readCardFields(face, 'front', SAMPLE_TODAY));
    expect(number?.value).toBe(SAMPLE_NUMBER);
    expect(number?.confidence).toBeGreaterThan(0.5);
    expect(number?.confidence).toBeLessThan(0.9);
  });

  it('repairs a check character misread as a letter', () => {
    const valid = '11010519491231002X';
    const face = faceOf(
      withNumber({
        text: `${valid.slice(0, 17)}K`,
        doubts: { 17: { prob: 0.4, alternatives: [['X', 0.35]] } },
      }),
    );
    expect(fields(readCardFields(face, 'front', SAMPLE_TODAY)).number?.value).toBe(valid);
  });

  it('keeps a doubtful digit as read when no alternative satisfies the check', () => {
    const misread = `${SAMPLE_NUMBER.slice(0, 14)}7${SAMPLE_NUMBER.slice(15)}`;
    const face = faceOf(
      withNumber({ text: misread, doubts: { 14: { prob: 0.55, alternatives: [['4', 0.4]] } } }),
    );
    const { number } = fields(readCardFields(face, 'front', SAMPLE_TODAY));
    expect(number?.value).toBe(misread);
    expect(number?.confidence).toBeLessThanOrEqual(0.3);
  });

  it('keeps the number as read when two doubtful digits each repair it equally well', () => {
    const misread = `${SAMPLE_NUMBER.slice(0, 14)}7${SAMPLE_NUMBER.slice(15)}`;
    // A second doubtful position whose only check-satisfying digit is also offered.
    const other = candidatesForPosition(misread, 3)[0]?.charAt(3);
    expect(other).toBeDefined();
    const face = faceOf(
      withNumber({
        text: misread,
        doubts: {
          14: { prob: 0.55, alternatives: [['1', 0.4]] },
          3: { prob: 0.55, alternatives: [[other ?? '', 0.4]] },
        },
      }),
    );
    const { number } = fields(readCardFields(face, 'front', SAMPLE_TODAY));
    expect(number?.value).toBe(misread);
    expect(number?.confidence).toBeLessThanOrEqual(0.3);
  });

  it('takes a doubtful birth digit whose alternative agrees with the number', () => {
    const lines = replaceLine(frontLines(SAMPLE_FRONT), '1990年3月6日', [
      {
        text: '1990年3月8日',
        x: 0.18,
        y: 0.4,
        doubts: { 7: { prob: 0.6, alternatives: [['6', 0.35]] } },
      },
    ]);
    const { birth } = fields(readCardFields(faceOf(lines), 'front', SAMPLE_TODAY));
    expect(birth?.value).toBe('1990-03-06');
    expect(birth?.confidence).toBeLessThan(0.9);
  });

  it('returns a birth that disagrees with the number as read, with low confidence', () => {
    const { birth } = fields(
      readCardFields(front({ birth: '1990年3月8日' }), 'front', SAMPLE_TODAY),
    );
    expect(birth?.value).toBe('1990-03-08');
    expect(birth?.confidence).toBeLessThanOrEqual(0.3);
  });

  it('takes the alternative of a misread sex that agrees with the number', () => {
    const lines = replaceLine(frontLines(SAMPLE_FRONT), '男', [
      { text: '舅', x: 0.18, y: 0.29, doubts: { 0: { prob: 0.5, alternatives: [['男', 0.45]] } } },
    ]);
    const { sex } = fields(readCardFields(faceOf(lines), 'front', SAMPLE_TODAY));
    expect(sex?.value).toBe('男');
    expect(sex?.confidence).toBeLessThan(0.9);
  });

  it('returns a sex that contradicts the number as read, with low confidence', () => {
    const { sex } = fields(readCardFields(front({ sex: '女' }), 'front', SAMPLE_TODAY));
    expect(sex).toMatchObject({ value: '女' });
    expect(sex?.confidence).toBeLessThanOrEqual(0.3);
  });

  it('drops 族 and flags an ethnic group that is not on the list', () => {
    expect(
      fields(readCardFields(front({ ethnicity: '回族' }), 'front', SAMPLE_TODAY)).ethnicity,
    ).toMatchObject({
      value: '回',
    });
    const { ethnicity } = fields(readCardFields(front({ ethnicity: '汊' }), 'front', SAMPLE_TODAY));
    expect(ethnicity?.value).toBe('汊');
    expect(ethnicity?.confidence).toBeLessThanOrEqual(0.3);
  });
});

describe('readCardFields on the emblem side', () => {
  it('reads the issuing authority and a dated period', () => {
    const face = faceOf(
      backLines({ issue: '北京市公安局朝阳分局', validity: '2015.03.06-2035.03.06' }),
    );
    const reading = readCardFields(face, 'auto', SAMPLE_TODAY);
    expect(reading.side).toBe('back');
    expect(values(reading)).toEqual({
      issue: '北京市公安局朝阳分局',
      valid_from: '2015-03-06',
      valid_to: '2035-03-06',
    });
    for (const field of Object.values(fields(reading))) {
      expect(field.confidence).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('reads 长期 and a period whose dots were lost', () => {
    const face = faceOf(backLines({ issue: '上海市公安局', validity: '20100501-长期' }));
    expect(values(readCardFields(face, 'back', SAMPLE_TODAY))).toMatchObject({
      valid_from: '2010-05-01',
      valid_to: '长期',
    });
  });

  it('repairs a doubtful digit the validity rule asks for, and flags one it cannot', () => {
    const doubtful = faceOf(
      backLines({ issue: '上海市公安局', validity: '2015.03.06-2035.08.06' }).map((line) =>
        line.text.startsWith('2015')
          ? { ...line, doubts: { 17: { prob: 0.5, alternatives: [['3', 0.4]] } } }
          : line,
      ),
    );
    expect(values(readCardFields(doubtful, 'back', SAMPLE_TODAY)).valid_to).toBe('2035-03-06');
    const wrong = faceOf(backLines({ issue: '上海市公安局', validity: '2015.03.06-2035.08.06' }));
    const reading = fields(readCardFields(wrong, 'back', SAMPLE_TODAY));
    expect(reading.valid_to?.value).toBe('2035-08-06');
    expect(reading.valid_to?.confidence).toBeLessThanOrEqual(0.3);
  });
  it('drops stray Latin letters read beside the issuing authority, and does not vouch for it', () => {
    const face = faceOf(backLines({ issue: 'n旬阳市公安局UU', validity: '2015.03.06-2035.03.06' }));
    const issue = fields(readCardFields(face, 'back', SAMPLE_TODAY)).issue;
    expect(issue?.value).toBe('旬阳市公安局');
    expect(issue?.confidence).toBeLessThan(0.9);
  });

  it('drops the label read again with the issuing authority, and does not vouch for it', () => {
    const face = faceOf(
      backLines({ issue: '签发机关重庆市公安局南川分局', validity: '2015.03.06-2035.03.06' }),
    );
    const issue = fields(readCardFields(face, 'back', SAMPLE_TODAY)).issue;
    expect(issue?.value).toBe('重庆市公安局南川分局');
    expect(issue?.confidence).toBeLessThan(0.9);
  });
});

describe('side detection', () => {
  it('tells the emblem side from the portrait side with no side asked', () => {
    expect(readCardFields(front(), 'auto', SAMPLE_TODAY).side).toBe('front');
    const back = faceOf(backLines({ issue: '上海市公安局', validity: '2015.03.06-2035.03.06' }));
    expect(readCardFields(back, 'auto', SAMPLE_TODAY).side).toBe('back');
  });

  it('refuses a face that is the other side than the one asked for', () => {
    expect(() => readCardFields(front(), 'back', SAMPLE_TODAY)).toThrow(NoCardFoundError);
  });

  it('throws NoCardFoundError for a face with none of the card text', () => {
    expect(() => readCardFields(faceOf([]), 'auto', SAMPLE_TODAY)).toThrow(NoCardFoundError);
    expect(() =>
      readCardFields(faceOf([{ text: '欢迎光临', x: 0.3, y: 0.5 }]), 'auto', SAMPLE_TODAY),
    ).toThrow(NoCardFoundError);
  });
});

const RATED_BACK = { issue: '北京市公安局朝阳分局', validity: '2015.03.06-2035.03.06' };

describe('rateReading', () => {
  const unsureName = (text: string): LineSpec[] =>
    replaceLine(frontLines(SAMPLE_FRONT), '张三', [
      { text, x: 0.18, y: 0.17, doubts: { 1: { prob: 0.31, alternatives: [['吉', 0.2]] } } },
    ]);

  it('counts a face whole when its name is complete but unsure', () => {
    const face = faceOf(unsureName('王喆'));
    expect(fields(readCardFields(face, 'front', SAMPLE_TODAY)).name?.confidence).toBeLessThan(0.5);
    expect(rateReading(face, 'front', SAMPLE_TODAY).whole).toBe(true);
  });

  it('does not count a face whole when its name falls short of a name', () => {
    expect(rateReading(faceOf(unsureName('王')), 'front', SAMPLE_TODAY).whole).toBe(false);
  });

  it('does not count a face whole when a field is missing', () => {
    const lines = frontLines(SAMPLE_FRONT).filter((line) => line.text !== '男');
    expect(rateReading(faceOf(lines), 'front', SAMPLE_TODAY).whole).toBe(false);
  });

  it("scores a validity row read as a mark's text as no better than one read as nothing", () => {
    const score = (validity: string) =>
      rateReading(faceOf(backLines({ ...RATED_BACK, validity })), 'back', SAMPLE_TODAY).score;
    // A usage line's piece (一续使) where the row should be, the row's end alone (长期 with its
    // start under a mark), and the dates' line missing altogether.
    const withoutRow = rateReading(
      faceOf(backLines(RATED_BACK).filter((line) => !line.text.includes('2015'))),
      'back',
      SAMPLE_TODAY,
    ).score;
    expect(score('一续使')).toBe(withoutRow);
    expect(score('印长期')).toBeGreaterThan(score('一续使'));
  });
});
