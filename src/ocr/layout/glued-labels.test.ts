import { describe, expect, it } from 'vitest';
import type { Quad } from '../../idcard/api-contract.ts';
import type { RecognizedChar, RecognizedLine } from '../recognized-line.ts';
import { readCardFields } from './read-card-fields.ts';
import {
  type Doubt,
  FACE_SIZE,
  faceOf,
  frontLines,
  SAMPLE_FRONT,
  SAMPLE_TODAY,
} from './read-face-builder.ts';

/**
 * Labels the detector boxed together with their values (出生1990年3月6日 in one line), read
 * whole, misread or with the label's first character lost.
 */

const EM = 27;

/**
 * One detected line holding a label and its value as a card prints them: the label from the
 * label's place, the value from the value column, the gap between them inside the box. Each
 * character carries the span where the decoder emitted it, as the recogniser reports.
 */
function gluedLine(
  label: string,
  value: string,
  at: { labelX: number; valueX: number; y: number },
  doubts: Record<number, Doubt> = {},
): RecognizedLine {
  const placed: { char: string; centre: number }[] = [];
  let x = at.labelX * FACE_SIZE.width;
  for (const char of label) {
    placed.push({ char, centre: x + EM / 2 });
    x += EM;
  }
  x = Math.max(x, at.valueX * FACE_SIZE.width);
  for (const char of value) {
    const advance = (char.codePointAt(0) ?? 0) < 0x2e80 ? EM / 2 : EM;
    placed.push({ char, centre: x + advance / 2 });
    x += advance;
  }
  const left = at.labelX * FACE_SIZE.width;
  const width = x - left;
  const top = at.y * FACE_SIZE.height - EM / 2;
  const chars: RecognizedChar[] = placed.map(({ char, centre }, i) => {
    const share = (centre - left) / width;
    return {
      char,
      prob: doubts[i]?.prob ?? 0.995,
      alternatives: (doubts[i]?.alternatives ?? []).map(([alt, prob]) => ({ char: alt, prob })),
      span: { start: share - 0.01, end: share + 0.01 },
    };
  });
  const box: Quad = [
    [left, top],
    [x, top],
    [x, top + EM],
    [left, top + EM],
  ];
  return { text: chars.map((c) => c.char).join(''), box, score: 0.99, chars };
}

/**
 * The sample portrait side's fields with the row of `label` read as one line: `printed`, the
 * label as read (possibly misread or cut), and `value` from the value column.
 */
function glued(label: string, printed: string, value: string, doubts?: Record<number, Doubt>) {
  const lines = frontLines(SAMPLE_FRONT);
  const at = lines.findIndex((line) => line.text === label);
  const labelLine = lines[at];
  const valueLine = lines[at + 1];
  if (labelLine === undefined || valueLine === undefined) throw new Error(`no label ${label}`);
  const face = faceOf(lines.filter((_, i) => i !== at && i !== at + 1));
  // A label's lost first character leaves the rest where it was printed.
  const labelX =
    labelLine.x + ((Array.from(label).length - Array.from(printed).length) * EM) / FACE_SIZE.width;
  face.lines.push(
    gluedLine(printed, value, { labelX, valueX: valueLine.x, y: labelLine.y }, doubts),
  );
  const fields: Record<string, { value: string; confidence: number }> = readCardFields(
    face,
    'front',
    SAMPLE_TODAY,
  ).fields;
  return fields;
}

describe('a label read together with its value', () => {
  it.each([
    ['姓名', '张三', 'name', '张三'],
    ['性别', '男', 'sex', '男'],
    ['出生', '1990年3月6日', 'birth', '1990-03-06'],
    ['住址', '北京市朝阳区建国路', 'address', '北京市朝阳区建国路88号院3号楼'],
  ])('%s is cut from %s', (label, value, field, expected) => {
    const fields = glued(label, label, value);
    expect(fields[field]?.value).toBe(expected);
    expect(fields[field]?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('is cut when one of its characters is misread (岀生 for 出生)', () => {
    const fields = glued('出生', '岀生', '1990年3月6日', {
      0: { prob: 0.6, alternatives: [['出', 0.3]] },
    });
    expect(fields.birth?.value).toBe('1990-03-06');
    expect(fields.birth?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ['出生', '生', '1990年3月6日', 'birth', '1990-03-06'],
    ['姓名', '名', '张三', 'name', '张三'],
    ['性别', '别', '男', 'sex', '男'],
  ])('%s is cut when only %s of it was read', (label, printed, value, field, expected) => {
    expect(glued(label, printed, value)[field]?.value).toBe(expected);
  });

  it('leaves no stray mark between the label and a birth date', () => {
    expect(glued('出生', '出生：', '1990年3月6日').birth?.value).toBe('1990-03-06');
  });
});
