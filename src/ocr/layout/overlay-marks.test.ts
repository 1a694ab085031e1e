import { describe, expect, it } from 'vitest';
import type { Quad } from '../../idcard/api-contract.ts';
import type { ReadFace } from '../recognized-line.ts';
import { readCardFields } from './read-card-fields.ts';
import {
  backLines,
  faceOf,
  frontLines,
  type LineSpec,
  SAMPLE_FRONT,
  SAMPLE_NUMBER,
  SAMPLE_TODAY,
} from './read-face-builder.ts';

const BACK = { issue: '北京市公安局朝阳分局', validity: '2015.03.06-2035.03.06' };

function fieldsOf(face: ReadFace) {
  const reading = readCardFields(face, 'auto', SAMPLE_TODAY);
  return Object.fromEntries(Object.entries(reading.fields)) as Record<
    string,
    { value: string; confidence: number }
  >;
}

function read(lines: LineSpec[]) {
  return fieldsOf(faceOf(lines));
}

/** A face of `lines` whose last line is turned `degrees` about its left end (clockwise). */
function withLastTurned(lines: LineSpec[], degrees: number): ReadFace {
  const face = faceOf(lines);
  const last = face.lines.at(-1);
  if (last === undefined) throw new Error('no line');
  const [[x0, y0]] = last.box;
  const [cos, sin] = [Math.cos((degrees * Math.PI) / 180), Math.sin((degrees * Math.PI) / 180)];
  const turn = ([x, y]: [number, number]): [number, number] => [
    x0 + (x - x0) * cos - (y - y0) * sin,
    y0 + (x - x0) * sin + (y - y0) * cos,
  ];
  last.box = last.box.map(turn) as typeof last.box;
  return face;
}

describe('marks stamped or written over a copy', () => {
  it('keeps a "for … use only" line written above the name out of every field', () => {
    const fields = read([
      { text: '仅供办理银行开户使用', x: 0.1, y: 0.07 },
      ...frontLines(SAMPLE_FRONT),
    ]);
    expect(fields.name).toMatchObject({ value: '张三' });
    expect(fields.number?.value).toBe(SAMPLE_NUMBER);
    expect(fields.number?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('cuts the end of such a line read together with the name, and does not vouch for the name', () => {
    const lines = frontLines(SAMPLE_FRONT).map((line) =>
      line.text === '张三' ? { ...line, text: '赛使用张三', x: 0.1 } : line,
    );
    expect(read(lines).name?.value).toBe('张三');
    expect(read(lines).name?.confidence).toBeLessThan(0.9);
  });

  it('cuts a "for … use only" line whose end was lost, read together with the name', () => {
    const lines = frontLines(SAMPLE_FRONT).map((line) =>
      line.text === '张三' ? { ...line, text: '张三仅供工商银行办理入职手续' } : line,
    );
    expect(read(lines).name?.value).toBe('张三');
    expect(read(lines).name?.confidence).toBeLessThan(0.9);
  });

  it('keeps a usage line boxed on its own, its head lost, out of the name it starts beside', () => {
    const fields = read([
      ...frontLines(SAMPLE_FRONT),
      { text: '理就诊建档使用', x: 0.3, y: 0.16, height: 30 },
    ]);
    expect(fields.name?.value).toBe('张三');
    expect(fields.name?.confidence).toBeLessThan(0.9);
  });

  it('keeps the authority read from its region together with such a line', () => {
    const face = faceOf(backLines({ ...BACK, issue: '南华县公安局建档使用' }));
    for (const line of face.lines) if (line.text.endsWith('使用')) line.unboxed = true;
    const fields = fieldsOf(face);
    expect(fields.issue?.value).toBe('南华县公安局');
    expect(fields.issue?.confidence).toBeLessThan(0.9);
  });

  it('keeps a stamp read with one character wrong (又供核对) out of the name beside it', () => {
    const fields = read([...frontLines(SAMPLE_FRONT), { text: '又供核对', x: 0.25, y: 0.166 }]);
    expect(fields.name?.value).toBe('张三');
    expect(fields.name?.confidence).toBeLessThan(0.9);
  });

  it('cuts a check stamp read together with the name, and does not vouch for the name', () => {
    const lines = frontLines(SAMPLE_FRONT).map((line) =>
      line.text === '张三' ? { ...line, text: '张三已核验' } : line,
    );
    expect(read(lines).name?.value).toBe('张三');
    expect(read(lines).name?.confidence).toBeLessThan(0.9);
  });

  it("cuts a usage line's last character before a listed authority, and does not vouch for it", () => {
    const fields = read(backLines({ ...BACK, issue: '理固镇县公安局' }));
    expect(fields.issue?.value).toBe('固镇县公安局');
    expect(fields.issue?.confidence).toBeLessThan(0.9);
    // A listed name that starts with such a character stays whole.
    expect(read(backLines({ ...BACK, issue: '理塘县公安局' })).issue?.value).toBe('理塘县公安局');
  });

  it("cuts a stamp's remains after an issuing authority's 局, and does not vouch for it", () => {
    const fields = read(backLines({ ...BACK, issue: '北京市公安局朝阳分局效' }));
    expect(fields.issue?.value).toBe('北京市公安局朝阳分局');
    expect(fields.issue?.confidence).toBeLessThan(0.9);
  });

  it('keeps every piece of a usage line naming the copy out of the name', () => {
    const fields = read([
      { text: '此复印件仅供办理贷款使用', x: 0.2, y: 0.12 },
      ...frontLines(SAMPLE_FRONT),
    ]);
    expect(fields.name).toMatchObject({ value: '张三' });
  });

  it('cuts the 件 of the copy a usage line names with the line, read together with the name', () => {
    const lines = frontLines(SAMPLE_FRONT).map((line) =>
      line.text === '张三' ? { ...line, text: '张三件仅供办理开户使用' } : line,
    );
    expect(read(lines).name?.value).toBe('张三');
  });

  it('cuts the start of such a line (此复印) read alone, its 件 lost, with 此', () => {
    const lines = frontLines(SAMPLE_FRONT).map((line) =>
      line.text === '张三' ? { ...line, text: '张三此复印' } : line,
    );
    expect(read(lines).name?.value).toBe('张三');
    expect(read(lines).name?.confidence).toBeLessThan(0.9);
  });

  it('cuts a usage line whose 仅 was lost, read together with the name', () => {
    const lines = frontLines(SAMPLE_FRONT).map((line) =>
      line.text === '张三' ? { ...line, text: '供办理业务使用张三' } : line,
    );
    expect(read(lines).name?.value).toBe('张三');
    expect(read(lines).name?.confidence).toBeLessThan(0.9);
  });

  it('cuts a usage line whose 仅 was misread, with 仅 the runner-up there, from the name', () => {
    // 郑杰思又供建设银行办理开户使用: the line's 仅 read 又, 仅 the decoder's second choice.
    const misread = { prob: 0.6, alternatives: [['仅', 0.3]] as [string, number][] };
    const lines = frontLines(SAMPLE_FRONT).map((line) =>
      line.text === '张三'
        ? { ...line, text: '张三又供建设银行办理开户使用', doubts: { 2: misread } }
        : line,
    );
    expect(read(lines).name?.value).toBe('张三');
    expect(read(lines).name?.confidence).toBeLessThan(0.9);
  });

  it('cuts a usage line whose 供 was misread, with 供 the runner-up there, from the name', () => {
    // 仅筷工商银行办理入: 供 read 筷, its end lost under the card's edge.
    const misread = { prob: 0.5, alternatives: [['供', 0.4]] as [string, number][] };
    const lines = frontLines(SAMPLE_FRONT).map((line) =>
      line.text === '张三'
        ? { ...line, text: '张三仅筷工商银行办理入', doubts: { 3: misread } }
        : line,
    );
    expect(read(lines).name?.value).toBe('张三');
  });

  it('keeps a character before such a line whose runners-up do not hold 仅', () => {
    const lines = frontLines(SAMPLE_FRONT).map((line) =>
      line.text === '张三' ? { ...line, text: '张三又供建设银行办理开户使用' } : line,
    );
    expect(read(lines).name?.value).toBe('张三又');
  });

  it('cuts the close of a usage line (，他用无效) with the line', () => {
    const lines = frontLines(SAMPLE_FRONT).map((line) =>
      line.text === '张三' ? { ...line, text: '张三仅供本公司贷款使用，他用无效' } : line,
    );
    expect(read(lines).name?.value).toBe('张三');
  });

  it('keeps a 复印无效 stamp beside the issuing authority out of it, and does not vouch for it', () => {
    const lines = [...backLines(BACK), { text: '复印无效', x: 0.72, y: 0.74 }];
    const fields = read(lines);
    expect(fields.issue?.value).toBe('北京市公安局朝阳分局');
    expect(fields.issue?.confidence).toBeLessThan(0.9);
    expect(fields.valid_to).toMatchObject({ value: '2035-03-06' });
  });

  it('keeps a 复印无效 seal read with its second character wrong (复后无效) out of the row', () => {
    // The seal over the ethnic group, which it hides.
    const lines = frontLines(SAMPLE_FRONT).filter((line) => line.text !== '汉');
    const fields = read([...lines, { text: '复后无效', x: 0.44, y: 0.29 }]);
    expect(fields.ethnicity?.value).not.toContain('复');
  });

  it('keeps a stamp between the title and 签发机关 out of the issuing authority', () => {
    const fields = read([...backLines(BACK), { text: '样证', x: 0.45, y: 0.55 }]);
    expect(fields.issue?.value).toBe('北京市公安局朝阳分局');
    expect(fields.issue?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps the pieces of a 禁止复印 seal over the address out of it', () => {
    const fields = read([
      ...frontLines(SAMPLE_FRONT),
      { text: '复禁', x: 0.5, y: 0.6 },
      { text: '印止', x: 0.5, y: 0.68 },
    ]);
    expect(fields.address?.value).toBe('北京市朝阳区建国路88号院3号楼');
    expect(fields.address?.confidence).toBeLessThan(0.9);
  });
});

describe("a line read in a mark's ink alone", () => {
  /** The face of `lines`, the lines reading `inMarkInk` read in a mark's ink alone. */
  function readInk(lines: LineSpec[], inMarkInk: string) {
    const face = faceOf(lines);
    const marked = {
      ...face,
      lines: face.lines.map((line) =>
        line.text === inMarkInk ? { ...line, markInk: true as const } : line,
      ),
    };
    return fieldsOf(marked);
  }

  it('is a mark whatever its wording: kept out of the name, which is not vouched for', () => {
    // A stamp's 验 boxed apart a little under the name, level with the rows.
    const lines = [{ text: '验', x: 0.24, y: 0.185 }, ...frontLines(SAMPLE_FRONT)];
    expect(read(lines).name?.value).toBe('张三验');
    const fields = readInk(lines, '验');
    expect(fields.name).toMatchObject({ value: '张三' });
    expect(fields.name?.confidence).toBeLessThan(0.9);
  });

  it("is the card's print where it reads only what the card prints in colour (别 of 性别)", () => {
    const lines = frontLines(SAMPLE_FRONT).flatMap((line) =>
      line.text === '性别'
        ? [
            { ...line, text: '性' },
            { ...line, text: '别', x: line.x + 0.035 },
          ]
        : [line],
    );
    const fields = readInk(lines, '别');
    expect(fields.sex).toMatchObject({ value: '男' });
    expect(fields.name?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it("is a mark on the holder's photo too where it reads a mark's wording (样本)", () => {
    const lines = [{ text: '样本', x: 0.8, y: 0.4 }, ...frontLines(SAMPLE_FRONT)];
    const fields = readInk(lines, '样本');
    expect(fields.name).toMatchObject({ value: '张三' });
    expect(fields.name?.confidence).toBeLessThan(0.9);
  });

  it("is the card's own colour on the holder's photo, and leaves the name vouched for", () => {
    const lines = [{ text: 'WD', x: 0.75, y: 0.4 }, ...frontLines(SAMPLE_FRONT)];
    const fields = readInk(lines, 'WD');
    expect(fields.name).toMatchObject({ value: '张三' });
    expect(fields.number?.confidence).toBeGreaterThanOrEqual(0.9);
  });
});

describe('a line set over the copy at a tilt', () => {
  it('is a mark whatever its wording, and keeps its characters out of the name', () => {
    // Turned 20 degrees about its left end, as a line written across the card.
    const name = fieldsOf(
      withLastTurned(
        [...frontLines(SAMPLE_FRONT), { text: '本单位留存备查', x: 0.1, y: 0.17 }],
        20,
      ),
    );
    expect(name.name?.value).toBe('张三');
    expect(name.name?.confidence).toBeLessThan(0.9);
  });

  it('keeps a line askew of the rows, short of a mark’s tilt, but vouches for nothing it joins', () => {
    // 限社保卡用 of a usage line at 11 degrees, right after the address's first line.
    const fields = fieldsOf(
      withLastTurned(
        [...frontLines(SAMPLE_FRONT), { text: '限社保卡用', x: 0.46, y: 0.5, height: 30 }],
        -11,
      ),
    );
    expect(fields.address?.value).toContain('限社保卡用');
    expect(fields.address?.confidence).toBeLessThan(0.9);
    expect(fields.number?.confidence).toBeGreaterThanOrEqual(0.9);
  });
});

describe("pieces of a mark's wording at a line's ends", () => {
  it('are cut from the name they were read with, and the name is not vouched for', () => {
    const lines = frontLines(SAMPLE_FRONT).map((line) =>
      line.text === '张三' ? { ...line, text: '本次张三' } : line,
    );
    expect(read(lines).name?.value).toBe('张三');
    expect(read(lines).name?.confidence).toBeLessThan(0.9);
  });

  it('are cut from either end of an address line, the longest piece first', () => {
    const lines = frontLines(SAMPLE_FRONT).map((line) =>
      line.text === '88号院3号楼' ? { ...line, text: '88号院3号楼办理业务' } : line,
    );
    expect(read(lines).address?.value).toBe('北京市朝阳区建国路88号院3号楼');
  });

  it('are cut from the end of a value gathered from boxes of one character each', () => {
    const fields = read([
      ...frontLines(SAMPLE_FRONT),
      { text: '使', x: 0.5, y: 0.59 },
      { text: '用', x: 0.56, y: 0.59 },
    ]);
    expect(fields.address?.value).toBe('北京市朝阳区建国路88号院3号楼');
    expect(fields.address?.confidence).toBeLessThan(0.9);
  });

  it("leave a value's own single character that the wording also holds", () => {
    const lines = frontLines(SAMPLE_FRONT).map((line) =>
      line.text === '张三' ? { ...line, text: '张本' } : line,
    );
    expect(read(lines).name?.value).toBe('张本');
  });

  it("cut a usage line's 使 from a line's end, with its misread 用 or else the character before", () => {
    const address = (lines: string[]) =>
      read(frontLines({ ...SAMPLE_FRONT, address: lines })).address;
    for (const first of ['北京市朝阳区建国路案使', '北京市朝阳区建国路使月']) {
      const read = address([first, '88号院3号楼']);
      expect(read?.value).toBe('北京市朝阳区建国路88号院3号楼');
      expect(read?.confidence).toBeLessThan(0.9);
    }
    expect(address(['北京市朝阳区建国路', '88号院3号楼仅'])?.value).toBe(
      '北京市朝阳区建国路88号院3号楼',
    );
    const alone = read([...frontLines(SAMPLE_FRONT), { text: '仅', x: 0.5, y: 0.59 }]);
    expect(alone.address?.value).toBe('北京市朝阳区建国路88号院3号楼');
    // An authority's 局 before 使用 is the authority's (read from its region, the line and a
    // usage line's end together); 件仅 of 复印件仅供 goes whole.
    const authority = '北京市公安局朝阳分局使用';
    const face = faceOf(backLines({ ...BACK, issue: authority }));
    face.lines = face.lines.map((line) =>
      line.text === authority ? { ...line, unboxed: true as const } : line,
    );
    expect(fieldsOf(face).issue?.value).toBe('北京市公安局朝阳分局');
    expect(read(frontLines({ ...SAMPLE_FRONT, name: '张三丰件仅' })).name?.value).toBe('张三丰');
    // A watermark's tile boxed on the address's row: the character before 使用 goes with it.
    const tile = read([...frontLines(SAMPLE_FRONT), { text: '爱使用', x: 0.45, y: 0.51 }]);
    expect(tile.address?.value).toBe('北京市朝阳区建国路88号院3号楼');
    const period = read(backLines({ ...BACK, validity: '2007.05.10-长期使' }));
    expect(period.valid_to?.value).toBe('长期');
  });

  it("cut a usage line's misread start, between its head and the rest of it, from a value", () => {
    // 此复印件仅供… with 印件 read 即祥, boxed on its own across the name's row.
    const fields = read([
      ...frontLines(SAMPLE_FRONT),
      { text: '此复即祥仅供办理入职手续使用', x: 0.14, y: 0.2 },
    ]);
    expect(fields.name?.value).toBe('张三');
  });

  it("are cut from a name's ends, its last only on a face where a mark was read", () => {
    // A 复印无效 stamp read across the photo.
    const stamped = (name: string) =>
      read([...frontLines({ ...SAMPLE_FRONT, name }), { text: '复印无效', x: 0.7, y: 0.4 }]).name;
    expect(stamped('侯浩验')).toMatchObject({ value: '侯浩' });
    expect(stamped('侯浩验')?.confidence).toBeLessThan(0.9);
    expect(read(frontLines({ ...SAMPLE_FRONT, name: '侯浩验' })).name?.value).toBe('侯浩验');
    expect(read(frontLines({ ...SAMPLE_FRONT, name: '已陶雨' })).name?.value).toBe('陶雨');
    // A name keeps two characters.
    expect(stamped('张证')?.value).toBe('张证');
  });

  it("are cut from a name where it reads on into a mark's wording or a usage line's errand", () => {
    const named = (name: string) => read(frontLines({ ...SAMPLE_FRONT, name })).name;
    expect(named('徐诗萍公司办')).toMatchObject({ value: '徐诗萍' });
    expect(named('徐诗萍公司办')?.confidence).toBeLessThan(0.9);
    expect(named('蒋凯博印件仁')?.value).toBe('蒋凯博');
    expect(named('陈敏海保中心开厂')?.value).toBe('陈敏海');
    expect(named('顾萍晨入住登记')?.value).toBe('顾萍晨');
    // A name keeps its surname and a given name's first character, whatever they spell.
    expect(named('王一致远')?.value).toBe('王一致远');
    expect(named('欧阳建设')?.value).toBe('欧阳建设');
    expect(named('蒋霞峰工商银行开')?.value).toBe('蒋霞峰');
    expect(named('张德伟')?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it("keep a mark's last character read onto a value's end, unvouched", () => {
    // 证 of a 样证 stamp whose 样 was lost in the name's last character's strokes.
    const named = (name: string) =>
      read(frontLines({ ...SAMPLE_FRONT, name: name })).name?.confidence ?? 0;
    expect(named('张民')).toBeGreaterThanOrEqual(0.9);
    expect(named('张民证')).toBeLessThan(0.9);
    // An address whose second line reads as given.
    const addressEndingIn = (last: string) =>
      read(frontLines({ ...SAMPLE_FRONT, address: ['北京市朝阳区建国路', last] })).address;
    const address = addressEndingIn('88号院用');
    expect(address?.value).toBe('北京市朝阳区建国路88号院用');
    expect(address?.confidence).toBeLessThan(0.9);
    // After the 号 or 室 that ends the address's number, it is cut.
    const afterNumber = addressEndingIn('88号本');
    expect(afterNumber?.value).toBe('北京市朝阳区建国路88号');
    expect(afterNumber?.confidence).toBeLessThan(0.9);
    // So is any one character of a mark's wording there, not only the one its wording ends with
    // (样 of a 样证 whose 证 went unread).
    const firstOfMark = addressEndingIn('88号样');
    expect(firstOfMark?.value).toBe('北京市朝阳区建国路88号');
    expect(firstOfMark?.confidence).toBeLessThan(0.9);
    // A building's word after the 号 is the address's own.
    expect(addressEndingIn('88号楼')?.value).toBe('北京市朝阳区建国路88号楼');
  });
});

describe('a face marked anywhere', () => {
  it('vouches for neither its name nor its address, far as the mark read stands from them', () => {
    // One tile of a watermark read in the photo's corner; the others, and a stamp's faint frame,
    // may cross the name unread.
    const fields = read([...frontLines(SAMPLE_FRONT), { text: '样证', x: 0.85, y: 0.05 }]);
    expect(fields.name).toMatchObject({ value: '张三' });
    expect(fields.name?.confidence).toBeLessThan(0.9);
    expect(fields.address?.confidence).toBeLessThan(0.9);
    expect(fields.number?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('stays marked when the lines kept come from a reading that boxed no mark', () => {
    // The detector, shown the face without its faint marks, boxed none of a watermark's tiles;
    // the reading that read one hands its place on.
    const tile: Quad = [
      [700, 20],
      [800, 20],
      [800, 50],
      [700, 50],
    ];
    const face = { ...faceOf(frontLines(SAMPLE_FRONT)), marks: [tile] };
    const fields = fieldsOf(face);
    expect(fields.name?.confidence).toBeLessThan(0.9);
    expect(fields.address?.confidence).toBeLessThan(0.9);
    expect(fields.number?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(read(frontLines(SAMPLE_FRONT)).name?.confidence).toBeGreaterThanOrEqual(0.9);
  });
});

describe('a watermark repeated across a field', () => {
  it('is cut from the issuing authority, its faint 样 read as 祥 too', () => {
    const lines = backLines(BACK).map((line) =>
      line.text === BACK.issue ? { ...line, text: `样证样证${BACK.issue}祥证样证` } : line,
    );
    const fields = read(lines);
    expect(fields.issue?.value).toBe(BACK.issue);
    expect(fields.issue?.confidence).toBeLessThan(0.9);
  });

  it('is cut in pieces from the ends of the lines it crosses, and vouches for none of them', () => {
    const lines = frontLines(SAMPLE_FRONT).map((line) => {
      if (line.text === '张三') return { ...line, text: '张三证' };
      if (line.text === '男') return { ...line, text: '男证' };
      return line;
    });
    const fields = read([
      ...lines,
      { text: '样证', x: 0.6, y: 0.05 },
      { text: '样证', x: 0.8, y: 0.5 },
    ]);
    expect(fields.name).toMatchObject({ value: '张三' });
    expect(fields.name?.confidence).toBeLessThan(0.9);
    expect(fields.sex).toMatchObject({ value: '男' });
    expect(fields.sex?.confidence).toBeLessThan(0.9);
  });

  it('leaves a line ending in one of its characters alone where the stamp is read nowhere whole', () => {
    const lines = frontLines(SAMPLE_FRONT).map((line) =>
      line.text === '张三' ? { ...line, text: '张三证' } : line,
    );
    expect(read(lines).name?.value).toBe('张三证');
  });
});

describe("a usage line's end read onto the validity row", () => {
  it('leaves the period its end date and its 长期', () => {
    const long = read(backLines({ ...BACK, validity: '限2007.05.10长期使用' }));
    expect(long.valid_from).toMatchObject({ value: '2007-05-10' });
    expect(long.valid_to).toMatchObject({ value: '长期' });
    const dated = read(backLines({ ...BACK, validity: '2015.03.06-2035.03.06使用' }));
    expect(dated.valid_to).toMatchObject({ value: '2035-03-06' });
  });
});
