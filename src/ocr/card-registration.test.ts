import { describe, expect, it } from 'vitest';
import type { Quad } from '../idcard/api-contract.ts';
import { registerFace, textDirection } from './card-registration.ts';
import { applyHomography, type Homography, mapQuad } from './geometry.ts';
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

  it('does not register a face with fewer than three anchors', () => {
    expect(registerFace(faceOf([{ text: '姓名张三', x: 0.06, y: 0.17 }]).lines)).toBeNull();
  });
});
