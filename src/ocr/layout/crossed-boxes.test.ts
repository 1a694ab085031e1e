import { describe, expect, it } from 'vitest';
import { crossedBoxes } from './crossed-boxes.ts';
import { readCardFields } from './read-card-fields.ts';
import { faceOf, frontLines, lineOf, SAMPLE_FRONT, SAMPLE_TODAY } from './read-face-builder.ts';

function boxes(lines: Parameters<typeof lineOf>[0][]) {
  return lines.map((line) => lineOf(line).box);
}

describe('boxes drawn one on top of another on a row', () => {
  it("are a mark's over the print: the smaller one's place is kept", () => {
    // A written 用 boxed over the end of an address line, half of its box inside the line's.
    const crossed = crossedBoxes(
      boxes([
        { text: '川县宁月街道港银村4组4', x: 0.18, y: 0.58 },
        { text: '用', x: 0.5, y: 0.585 },
      ]),
    );
    expect(crossed).toEqual([1]);
  });

  it("leave the card's own rows alone: a label beside its value, rows one above another", () => {
    expect(crossedBoxes(boxes(frontLines(SAMPLE_FRONT)))).toEqual([]);
    const touching = boxes([
      { text: '性别', x: 0.06, y: 0.29 },
      { text: '男', x: 0.115, y: 0.29 },
    ]);
    expect(crossedBoxes(touching)).toEqual([]);
  });

  it('leave the value they touch unvouched, with its characters as read', () => {
    const face = faceOf([...frontLines(SAMPLE_FRONT), { text: '用', x: 0.3, y: 0.595 }]);
    const reading = readCardFields(face, 'front', SAMPLE_TODAY);
    if (reading.side !== 'front') throw new Error('read as the emblem side');
    expect(reading.fields.address.confidence).toBeLessThan(0.9);
    expect(reading.fields.number.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it("cut a lone character of a mark's wording boxed over the print from the value", () => {
    // 4组40号 wrapped after its 4, a written 用 boxed half over the line's end.
    const address = ['云南省大理白族自治州宾', '川县宁月街道港银村4组4', '0号'];
    const face = faceOf([
      ...frontLines({ ...SAMPLE_FRONT, address }),
      { text: '用', x: 0.51, y: 0.595 },
    ]);
    const reading = readCardFields(face, 'front', SAMPLE_TODAY);
    if (reading.side !== 'front') throw new Error('read as the emblem side');
    expect(reading.fields.address.value).toBe(address.join(''));
    expect(reading.fields.address.confidence).toBeLessThan(0.9);
  });
});
