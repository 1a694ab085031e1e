/**
 * Card fields from an OCR engine's lines, the way the open-source ID-card readers built on
 * PaddleOCR or RapidOCR do it: the lines' text joined in the engine's reading order, then regular
 * expressions that take what stands between one printed label (姓名, 性别, 民族, 出生, 住址,
 * 公民身份号码, 签发机关, 有效期限) and the next. No card finding, geometry or check characters:
 * this is the peer, not our engine.
 */

export type PeerFront = {
  name: string;
  sex: string;
  ethnicity: string;
  birth: string;
  address: string;
  number: string;
};
export type PeerBack = { issue: string; valid_from: string; valid_to: string };

const NUMBER = /(\d{17}[\dXx])/;
const DATE = String.raw`(\d{4})[.\-年](\d{1,2})[.\-月](\d{1,2})日?`;
const VALIDITY = new RegExp(`${DATE}[-—–~至]+(长期|${DATE})`);

/** The card's titles, which readers strip before matching: they precede the authority. */
const TITLES = /中华人民共和国|居民身份证/g;

function joined(lines: readonly string[]): string {
  return lines.join('').replace(/\s+/g, '').replace(TITLES, '');
}

function group(text: string, pattern: RegExp): string {
  return pattern.exec(text)?.[1] ?? '';
}

function isoDate(year?: string, month?: string, day?: string): string {
  if (!year || !month || !day) return '';
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The portrait side's fields from its lines in reading order. */
export function frontFieldsFromLines(lines: readonly string[]): PeerFront {
  const text = joined(lines);
  const birth = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text);
  return {
    name: group(text, /姓名(?!性别|民族|出生)(\D+?)(?=性别|民族|出生|$)/),
    sex: group(text, /性别([男女])/),
    ethnicity: group(text, /民族(\D+?)(?=出生|性别|住址|公民|\d|$)/).replace(/族$/, ''),
    birth: isoDate(birth?.[1], birth?.[2], birth?.[3]),
    address: group(text, /住址(.+?)(?=公民身份号码|\d{17}[\dXx]|$)/),
    number: group(text, NUMBER).toUpperCase(),
  };
}

/** The emblem side's fields from its lines in reading order. */
export function backFieldsFromLines(lines: readonly string[]): PeerBack {
  const text = joined(lines);
  const validity = VALIDITY.exec(text);
  return {
    // Readers fall back to "…公安局…" when the label's neighbour is not the authority.
    issue:
      group(text, /签发机关(\D+?)(?=有效期限|\d|$)/) ||
      group(text, /(\p{Script=Han}+公安局\p{Script=Han}*?)(?=有效期限|签发机关|\d|$)/u),
    valid_from: isoDate(validity?.[1], validity?.[2], validity?.[3]),
    valid_to:
      validity?.[4] === '长期' ? '长期' : isoDate(validity?.[5], validity?.[6], validity?.[7]),
  };
}
