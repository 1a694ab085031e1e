import type { Quad } from '../../idcard/api-contract.ts';
import type { ReadFace, RecognizedChar, RecognizedLine } from '../recognized-line.ts';
import type { FrontReading } from './card-reading.ts';
import { readCardFields } from './read-card-fields.ts';

/**
 * Hand-made faces for tests, laid out like detector output on a straightened card of 856 x 540
 * pixels (10 px per mm). Lines are placed in card fractions: `x` is the left edge, `y` the
 * vertical centre.
 */
export const FACE_SIZE = { width: 856, height: 540 } as const;

/** Text height of the card's small print, about 2.7 mm. */
const TEXT_HEIGHT = 27;

/** How sure the recogniser is of an undisturbed character. */
const CLEAR_PROB = 0.995;

export type Doubt = { prob: number; alternatives: [string, number][] };

export type LineSpec = {
  text: string;
  x: number;
  y: number;
  /** Per character index: a lower probability and the decoder's runners-up. */
  doubts?: Record<number, Doubt>;
  /** The print's height in pixels, where it is not the card's usual `TEXT_HEIGHT`. */
  height?: number;
};

export function lineOf({
  text,
  x,
  y,
  doubts = {},
  height = TEXT_HEIGHT,
}: LineSpec): RecognizedLine {
  const chars: RecognizedChar[] = Array.from(text, (char, i) => {
    const doubt = doubts[i];
    return {
      char,
      prob: doubt?.prob ?? CLEAR_PROB,
      alternatives: (doubt?.alternatives ?? []).map(([alt, prob]) => ({ char: alt, prob })),
    };
  });
  const advance = Array.from(text).reduce(
    (sum, char) => sum + ((char.codePointAt(0) ?? 0) < 0x2e80 ? 0.5 : 1),
    0,
  );
  const left = x * FACE_SIZE.width;
  const top = y * FACE_SIZE.height - height / 2;
  const right = left + advance * height;
  const bottom = top + height;
  const box: Quad = [
    [left, top],
    [right, top],
    [right, bottom],
    [left, bottom],
  ];
  const score = chars.reduce((sum, c) => sum + c.prob, 0) / Math.max(chars.length, 1);
  return { text, box, score, chars };
}

export function faceOf(lines: readonly LineSpec[]): ReadFace {
  return { ...FACE_SIZE, lines: lines.map(lineOf) };
}

/** The day the hand-made faces are read on, for the checks that depend on today. */
export const SAMPLE_TODAY = '2026-06-01';
/** 110105 (北京市朝阳区), born 1990-03-06, sequence 123 (odd: 男), check character 3. */
export const SAMPLE_NUMBER = '110105199003061233';
/** A portrait side whose every value passes the card's checks. */
export const SAMPLE_FRONT = {
  name: '张三',
  sex: '男',
  ethnicity: '汉',
  birth: '1990年3月6日',
  address: ['北京市朝阳区建国路', '88号院3号楼'],
  number: SAMPLE_NUMBER,
};

/** The rows of a clean portrait side, each label and value read as separate lines. */
export function frontLines(values: {
  name: string;
  sex: string;
  ethnicity: string;
  birth: string;
  address: string[];
  number: string;
}): LineSpec[] {
  return [
    { text: '姓名', x: 0.06, y: 0.17 },
    { text: values.name, x: 0.18, y: 0.17 },
    { text: '性别', x: 0.06, y: 0.29 },
    { text: values.sex, x: 0.18, y: 0.29 },
    { text: '民族', x: 0.35, y: 0.29 },
    { text: values.ethnicity, x: 0.46, y: 0.29 },
    { text: '出生', x: 0.06, y: 0.4 },
    { text: values.birth, x: 0.18, y: 0.4 },
    { text: '住址', x: 0.06, y: 0.51 },
    ...values.address.map((text, i) => ({ text, x: 0.18, y: 0.51 + 0.08 * i })),
    { text: '公民身份号码', x: 0.06, y: 0.85 },
    { text: values.number, x: 0.33, y: 0.85 },
  ];
}

/** The rows of a clean emblem side. */
export function backLines(values: { issue: string; validity: string }): LineSpec[] {
  return [
    { text: '中华人民共和国', x: 0.36, y: 0.17 },
    { text: '居民身份证', x: 0.36, y: 0.33 },
    { text: '签发机关', x: 0.22, y: 0.74 },
    { text: values.issue, x: 0.39, y: 0.74 },
    { text: '有效期限', x: 0.22, y: 0.86 },
    { text: values.validity, x: 0.39, y: 0.86 },
  ];
}

/** The portrait side's fields read off the sample card with `overrides` printed. */
export function readFrontOf(overrides: Partial<typeof SAMPLE_FRONT>): FrontReading['fields'] {
  const reading = readCardFields(
    faceOf(frontLines({ ...SAMPLE_FRONT, ...overrides })),
    'front',
    SAMPLE_TODAY,
  );
  if (reading.side !== 'front') throw new Error('read as the emblem side');
  return reading.fields;
}
