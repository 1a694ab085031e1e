/**
 * Where things sit on the card, in millimetres from the card's top-left corner.
 *
 * Size: ISO/IEC 7810 ID-1, 85.6 x 54 mm with 3.18 mm corner radius; the portrait is 26 x 32 mm
 * (居民身份证 photo specification). Type sizes follow the published description of the second-
 * generation card: labels 6号 (7.5 pt) 黑体 in blue ink, the name 5号 (10.5 pt), other values
 * 小5号 (9 pt), the number OCR-B at about 11 pt, address lines 12 pt apart; on the emblem side
 * 中华人民共和国 4号 (14 pt) and 居民身份证 2号 (22 pt) 宋体, the 签发机关 / 有效期限 labels 6号
 * bold and their values 5号. Positions were measured from published specimen images and rounded
 * to a tenth of a millimetre.
 */
export const CARD_MM = { width: 85.6, height: 54, cornerRadius: 3.18 } as const;

/** Chinese type sizes in millimetres (1 pt = 0.3528 mm). */
const PT = 0.3528;
export const TYPE_MM = {
  label: 7.5 * PT,
  name: 10.5 * PT,
  value: 9 * PT,
  number: 11 * PT,
  titleSmall: 14 * PT,
  titleLarge: 22 * PT,
  backValue: 10.5 * PT,
} as const;

export type Box = { x: number; y: number; width: number; height: number };
export type Point = { x: number; y: number };

export const FRONT_LAYOUT = {
  labels: {
    name: { x: 6.2, y: 7.6, text: '姓名' },
    sex: { x: 6.2, y: 13.6, text: '性别' },
    ethnicity: { x: 25.6, y: 13.6, text: '民族' },
    birth: { x: 6.2, y: 19.6, text: '出生' },
    address: { x: 6.2, y: 25.6, text: '住址' },
    number: { x: 6.2, y: 44.6, text: '公民身份号码' },
  },
  name: { x: 15.4, y: 6.9 },
  sex: { x: 15.4, y: 13.2 },
  ethnicity: { x: 34.6, y: 13.2 },
  /** Year digits, then fixed columns for 年, the month, 月, the day and 日. */
  birth: {
    y: 19.2,
    year: 15.4,
    yearMark: 23.4,
    month: 27.8,
    monthMark: 32.0,
    day: 36.0,
    dayMark: 40.4,
    /** Month and day digits are centred in a slot two digits wide. */
    slotWidth: 3.6,
  },
  address: {
    x: 15.4,
    y: 25.2,
    lineGap: 12 * PT,
    /** Line width in full-width characters; digits and Latin letters count as half. */
    lineUnits: 11,
    maxLines: 3,
  },
  number: { x: 27.8, y: 43.9, width: 50.5 },
  portrait: { x: 53.6, y: 6.4, width: 26, height: 32 },
} as const;

export const BACK_LAYOUT = {
  emblem: { x: 6.6, y: 4.8, width: 15.6, height: 16.6 },
  titleSmall: { x: 28.6, y: 7.6, width: 47.4, text: '中华人民共和国' },
  titleLarge: { x: 27.6, y: 15.2, width: 51, text: '居民身份证' },
  labels: {
    issue: { x: 18.8, y: 40.6, text: '签发机关' },
    validity: { x: 18.8, y: 46.8, text: '有效期限' },
  },
  issue: { x: 32.6, y: 40.0, maxWidth: 49 },
  validity: { x: 32.6, y: 46.2, maxWidth: 49 },
} as const;

/** Width of `text` in units of the font size: full width for CJK, half for ASCII. */
export function textUnits(text: string): number {
  let units = 0;
  for (const char of text) units += (char.codePointAt(0) ?? 0) < 0x2e80 ? 0.5 : 1;
  return units;
}

/**
 * Breaks an address into printed lines the way the card's fixed-width field does: a line ends
 * when the next character would overflow it, wherever that falls in a word.
 */
export function wrapAddress(address: string, lineUnits: number = FRONT_LAYOUT.address.lineUnits) {
  const lines: string[] = [];
  let line = '';
  for (const char of address) {
    if (textUnits(line + char) > lineUnits) {
      lines.push(line);
      line = '';
    }
    line += char;
  }
  if (line !== '') lines.push(line);
  return lines;
}
