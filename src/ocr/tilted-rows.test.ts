import { describe, expect, it } from 'vitest';
import type { Quad } from '../idcard/api-contract.ts';
import type { Homography } from './geometry.ts';
import { frontLines, lineOf, SAMPLE_FRONT } from './layout/read-face-builder.ts';
import type { RecognizedLine } from './recognized-line.ts';
import { tiltedRowsDirection } from './tilted-rows.ts';

const IDENTITY: Homography = Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]);
const DEG = Math.PI / 180;

/** A line read on a rough face: its text and box (x, y of each corner, clockwise). */
function readLine(text: string, corners: number[]): RecognizedLine {
  const box = [0, 2, 4, 6].map((i) => [corners[i], corners[i + 1]]) as Quad;
  const chars = Array.from(text).map((char, i, all) => ({
    char,
    prob: 0.99,
    alternatives: [],
    span: { start: i / all.length, end: (i + 1) / all.length },
  }));
  return { text, box, score: 0.99, chars };
}

/**
 * A portrait side straightened along the tiles of a watermark found longer than its rows: the
 * tiles read level, the card's own rows 11-15° off. Boxes as read on such a face.
 */
const ALONG_WATERMARK: RecognizedLine[] = [
  readLine('黎斌', [217, 71, 280, 78, 275, 117, 213, 109]),
  readLine('1952年1月29日', [203, 147, 373, 186, 363, 234, 192, 194]),
  readLine('仅供办理业务使用', [431, 148, 749, 119, 754, 167, 436, 196]),
  readLine('镇太湖村12组59号', [192, 233, 389, 271, 382, 303, 186, 266]),
  readLine('务使用', [86, 275, 199, 274, 199, 319, 86, 320]),
  readLine('公民身份号码', [111, 325, 226, 347, 221, 374, 106, 350]),
  readLine('进办理业务使用价', [327, 445, 856, 445, 856, 494, 327, 494]),
];

describe('tiltedRowsDirection', () => {
  it("finds the card's own rows tilted on a face straightened along a watermark", () => {
    const direction = tiltedRowsDirection(ALONG_WATERMARK, IDENTITY) as number;
    expect(direction / DEG).toBeGreaterThan(10);
    expect(direction / DEG).toBeLessThan(15);
  });

  it('gives the direction in the photo the face was taken from', () => {
    // The rough face turned by 30° in the photo.
    const c = Math.cos(30 * DEG);
    const s = Math.sin(30 * DEG);
    const turned: Homography = Float64Array.from([c, -s, 400, s, c, 100, 0, 0, 1]);
    const level = tiltedRowsDirection(ALONG_WATERMARK, IDENTITY) as number;
    const direction = tiltedRowsDirection(ALONG_WATERMARK, turned) as number;
    expect(direction - level).toBeCloseTo(30 * DEG, 3);
  });

  it('leaves a face whose rows lie level alone', () => {
    const level = frontLines(SAMPLE_FRONT).map(lineOf);
    expect(tiltedRowsDirection(level, IDENTITY)).toBeNull();
  });
});
