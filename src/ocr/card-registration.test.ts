import { describe, expect, it } from 'vitest';
import type { Quad } from '../idcard/api-contract.ts';
import { registerFace, textDirection } from './card-registration.ts';
import { applyHomography, type Homography, invertHomography, mapQuad } from './geometry.ts';
import { backLines, faceOf, frontLines, type LineSpec } from './layout/read-face-builder.ts';
import type { RecognizedLine } from './recognized-line.ts';

const NUMBER = '110105199003061233';
const FRONT = {
  name: '张三',
  sex: '男',
  ethnicity: '汉',
  birth: '1990年3月6日',
  address: ['北京市朝阳区建国路', '88号院3号楼'],
  number: NUMBER,
};

/** The angle (degrees) the map gives the face's x axis, and how far it bends y off square. */
function turnAndShear(h: Homography): { turn: number; shear: number } {
  const o = applyHomography(h, 428, 270);
  const x = applyHomography(h, 528, 270);
  const y = applyHomography(h, 428, 370);
  const ax = Math.atan2(x[1] - o[1], x[0] - o[0]);
  const ay = Math.atan2(y[1] - o[1], y[0] - o[0]);
  const deg = 180 / Math.PI;
  return { turn: ax * deg, shear: (ay - ax) * deg - 90 };
}

/** The lines of a face moved by `h` (a card photographed turned, shifted or scaled). */
function moved(lines: RecognizedLine[], h: Homography): RecognizedLine[] {
  return lines.map((line) => ({ ...line, box: mapQuad(h, line.box) as Quad }));
}

function shifted(lines: LineSpec[], dx: number, only: (line: LineSpec) => boolean): LineSpec[] {
  return lines.map((line) => (only(line) ? { ...line, x: line.x + dx } : line));
}

/**
 * A line as a recogniser returned it on a rough face: its box (x, y of each corner in face px,
 * from the top-left one clockwise) and each character's centre along the line (share of the
 * line's length).
 */
function readLine(text: string, corners: number[], centres: number[]): RecognizedLine {
  const box = [0, 2, 4, 6].map((i) => [corners[i], corners[i + 1]]) as Quad;
  const chars = Array.from(text).map((char, i) => {
    const centre = centres[i] as number;
    return {
      char,
      prob: 0.99,
      alternatives: [],
      span: { start: centre - 0.01, end: centre + 0.01 },
    };
  });
  return { text, box, score: 0.99, chars };
}

/**
 * A portrait side photographed at a steep angle and straightened from corners found wrongly:
 * the card sits shrunk and pushed down on the rough face, its right side further than its left.
 * Boxes and character positions as PP-OCRv6 small read them (the birth row with spaces).
 */
const STEEP_FRONT: RecognizedLine[] = [
  readLine('姓名', [52, 199, 128, 204, 126, 237, 50, 233], [0.115, 0.423]),
  readLine('孟文斌', [117, 193, 229, 183, 232, 226, 121, 235], [0.233, 0.5, 0.833]),
  readLine(
    '性别男民族汉',
    [60, 239, 348, 228, 350, 275, 62, 285],
    [0.068, 0.122, 0.311, 0.635, 0.689, 0.905],
  ),
  readLine(
    '出生 1979 年 10 月 15 日',
    [79, 284, 408, 279, 408, 320, 80, 325],
    [
      0.031, 0.092, 0.173, 0.255, 0.296, 0.337, 0.378, 0.418, 0.459, 0.52, 0.561, 0.622, 0.663,
      0.704, 0.765, 0.786, 0.847, 0.888, 0.929,
    ],
  ),
  readLine('住址', [99, 333, 144, 336, 142, 363, 97, 361], [0.25, 0.65]),
  readLine(
    '安徽省蚌埠市五河县湖坪',
    [159, 327, 479, 324, 480, 365, 159, 369],
    [0.075, 0.139, 0.224, 0.309, 0.394, 0.479, 0.564, 0.649, 0.756, 0.841, 0.926],
  ),
  readLine(
    '镇江果村委会青竹屯33号',
    [168, 358, 482, 359, 482, 399, 168, 398],
    [0.075, 0.16, 0.224, 0.309, 0.394, 0.479, 0.564, 0.671, 0.756, 0.82, 0.883, 0.947],
  ),
  readLine(
    '公民身份号码',
    [136, 457, 264, 460, 264, 488, 136, 486],
    [0.093, 0.241, 0.389, 0.538, 0.686, 0.871],
  ),
  readLine(
    '340322197910155314',
    [300, 457, 771, 474, 770, 511, 299, 495],
    [
      0.034, 0.075, 0.129, 0.169, 0.223, 0.277, 0.331, 0.385, 0.439, 0.493, 0.548, 0.602, 0.669,
      0.723, 0.777, 0.845, 0.912, 0.966,
    ],
  ),
];

const LABELS = new Set(['签发机关', '有效期限', '姓名', '性别', '出生', '住址', '公民身份号码']);

describe('registerFace', () => {
  it('neither turns nor shears an emblem side whose labels sit 4 % left and whose title is letter-spaced', () => {
    // Another maker: label column further left, the title set wider (its centre moves right).
    const lines = shifted(
      backLines({ issue: '上海市公安局', validity: '2015.03.06-2035.03.06' }),
      -0.04,
      (line) => LABELS.has(line.text),
    ).map((line) =>
      line.text === '中华人民共和国' ? { ...line, text: '中 华 人 民 共 和 国', x: 0.3 } : line,
    );
    const h = registerFace(faceOf(lines).lines);
    expect(h).not.toBeNull();
    const { turn, shear } = turnAndShear(h as Homography);
    expect(Math.abs(turn)).toBeLessThan(0.5);
    expect(Math.abs(shear)).toBeLessThan(0.5);
  });

  it('neither turns nor shears a portrait side whose label column sits a few percent off', () => {
    const lines = shifted(frontLines(FRONT), -0.03, (line) => LABELS.has(line.text));
    const { turn, shear } = turnAndShear(registerFace(faceOf(lines).lines) as Homography);
    expect(Math.abs(turn)).toBeLessThan(0.5);
    expect(Math.abs(shear)).toBeLessThan(0.5);
  });

  it('takes the turn from the lines themselves on a face left tilted', () => {
    const angle = (4 * Math.PI) / 180;
    const [c, s] = [Math.cos(angle), Math.sin(angle)];
    const turn = Float64Array.from([c, -s, 0, s, c, 0, 0, 0, 1]);
    const lines = moved(faceOf(frontLines(FRONT)).lines, turn);
    expect((textDirection(lines) * 180) / Math.PI).toBeCloseTo(4, 1);
    expect(turnAndShear(registerFace(lines) as Homography).turn).toBeCloseTo(4, 1);
  });

  it("leaves a watermark's lines out of the text's direction, however many", () => {
    const card = faceOf(frontLines(FRONT)).lines;
    const angle = (25 * Math.PI) / 180;
    const [c, s] = [Math.cos(angle), Math.sin(angle)];
    const turn = Float64Array.from([c, -s, 0, s, c, 0, 0, 0, 1]);
    const tiles = moved(
      faceOf(
        Array.from({ length: 12 }, (_, i) => ({
          text: '仅供办理业务使用',
          x: 0.1 + 0.05 * (i % 4),
          y: 0.1 + 0.07 * i,
        })),
      ).lines,
      turn,
    );
    expect(Math.abs((textDirection([...card, ...tiles]) * 180) / Math.PI)).toBeLessThan(1);
  });

  it('finds a card that fills only part of the rough face (edges found far outside it)', () => {
    const half = Float64Array.from([0.55, 0, 120, 0, 0.55, 200, 0, 0, 1]);
    const lines = faceOf(frontLines(FRONT)).lines;
    const whole = registerFace(lines) as Homography;
    const part = registerFace(moved(lines, half)) as Homography;
    expect(part).not.toBeNull();
    // The same card as on a face that it fills, only smaller and moved.
    const [x, y] = applyHomography(whole, 856, 540);
    const [u, v] = applyHomography(part, 856, 540);
    expect(u).toBeCloseTo(0.55 * x + 120, 0);
    expect(v).toBeCloseTo(0.55 * y + 200, 0);
  });

  it('finds a card larger than the rough face, framed around text that lacked its widest rows', () => {
    // The number row was not boxed when the card was found, so its rectangle was guessed from
    // the labels and the address alone: the card is 1.8 times the face, its top-left cut off.
    const large = Float64Array.from([1.8, 0, -60, 0, 1.8, -40, 0, 0, 1]);
    const upper = faceOf(frontLines(FRONT)).lines.filter(
      (line) => !/公民身份号码|\d{18}/.test(line.text),
    );
    const whole = registerFace(upper) as Homography;
    const part = registerFace(moved(upper, large));
    expect(part).not.toBeNull();
    // The same card as on a face that it fills, only larger and moved.
    const [x, y] = applyHomography(whole, 856, 540);
    const [u, v] = applyHomography(part as Homography, 856, 540);
    expect(u).toBeCloseTo(1.8 * x - 60, 0);
    expect(v).toBeCloseTo(1.8 * y - 40, 0);
  });

  it('keeps the aligned fit when a projective one agrees with the anchors but is no card', () => {
    // The eight anchors (five labels, 民族, the number's ends) leave a projective fit almost no
    // redundancy: it met every anchor and kept the lines level, yet sheared the card by ~11°.
    const h = registerFace(STEEP_FRONT);
    expect(h).not.toBeNull();
    const { turn, shear } = turnAndShear(h as Homography);
    expect(Math.abs(turn)).toBeLessThan(1);
    expect(Math.abs(shear)).toBeLessThan(1);
    // The rows land where the card prints them: 姓名 on the name row, 住址 on the address row.
    const toTrue = invertHomography(h as Homography);
    const [, nameY] = applyHomography(toTrue, 89, 218);
    const [, addressY] = applyHomography(toTrue, 121, 348);
    expect(nameY / 540).toBeCloseTo(0.17, 1);
    expect(addressY / 540).toBeCloseTo(0.5, 1);
  });

  it('does not register a face with a single anchor', () => {
    expect(registerFace(faceOf([{ text: '姓名张三', x: 0.06, y: 0.17 }]).lines)).toBeNull();
  });

  it('moves a face that read only its two titles to them, at its own scale', () => {
    // A pale emblem side framed from its titles: the card lies 133 px lower than the rough face.
    const down = Float64Array.from([1, 0, 0, 0, 1, 133, 0, 0, 1]);
    const titles = backLines({ issue: '上海市公安局', validity: '2015.03.06-2035.03.06' }).filter(
      (line) => line.y < 0.5,
    );
    const h = registerFace(moved(faceOf(titles).lines, down));
    const level = registerFace(faceOf(titles).lines);
    expect(h).not.toBeNull();
    // The validity row, which the rough face had cut off, lies 133 px lower on it, not turned.
    const [x, y] = applyHomography(h as Homography, 0.39 * 856, 0.86 * 540);
    const [u, v] = applyHomography(level as Homography, 0.39 * 856, 0.86 * 540);
    expect(x).toBeCloseTo(u, 3);
    expect(y).toBeCloseTo(v + 133, 3);
    expect(turnAndShear(h as Homography)).toEqual({ turn: 0, shear: 0 });
  });

  it("does not move a face to two anchors whose spacing is not the card's", () => {
    const titles = backLines({ issue: '上海市公安局', validity: '2015.03.06-2035.03.06' })
      .filter((line) => line.y < 0.5)
      .map((line) => (line.text === '居民身份证' ? { ...line, y: line.y + 0.3 } : line));
    expect(registerFace(faceOf(titles).lines)).toBeNull();
  });
});
