import { describe, expect, it } from 'vitest';
import { readCardFields } from './read-card-fields.ts';
import { faceOf, type LineSpec } from './read-face-builder.ts';

const TODAY = '2026-06-01';
/** 110105 (北京市朝阳区), born 1990-03-06, sequence 123 (odd: 男), check character 3. */
const NUMBER = '110105199003061233';

/** A label printed with `spacing` em between its characters, each boxed on its own. */
function spaced(text: string, x: number, y: number, spacing = 0.8): LineSpec[] {
  const em = 27 / 856;
  return Array.from(text, (char, i) => ({ text: char, x: x + i * em * (1 + spacing), y }));
}

describe('letter-spaced labels', () => {
  it('are recognised as labels and cut from the values on the portrait side', () => {
    const face = faceOf([
      ...spaced('姓名', 0.05, 0.17),
      { text: '马淼', x: 0.18, y: 0.17 },
      { text: '性', x: 0.09, y: 0.29 },
      // The second character boxed together with the value after it.
      { text: '别女', x: 0.148, y: 0.29 },
      ...spaced('民族', 0.33, 0.29),
      { text: '汉', x: 0.46, y: 0.29 },
      ...spaced('出生', 0.05, 0.4),
      { text: '1990年3月6日', x: 0.18, y: 0.4 },
      ...spaced('住址', 0.05, 0.51),
      { text: '北京市朝阳区建国路88号', x: 0.18, y: 0.51 },
      ...spaced('公民身份号码', 0.05, 0.85, 0.3),
      { text: NUMBER.replace(/3$/, '3'), x: 0.36, y: 0.85 },
    ]);
    const reading = readCardFields(face, 'auto', TODAY);
    expect(
      Object.fromEntries(Object.entries(reading.fields).map(([k, f]) => [k, f.value])),
    ).toEqual({
      name: '马淼',
      sex: '女',
      ethnicity: '汉',
      birth: '1990-03-06',
      address: '北京市朝阳区建国路88号',
      number: NUMBER,
    });
  });

  it('are recognised on the emblem side, titles included', () => {
    const face = faceOf([
      ...spaced('中华人民共和国', 0.36, 0.17, 0.5),
      ...spaced('居民身份证', 0.36, 0.33, 1),
      ...spaced('签发机关', 0.2, 0.74, 0.5),
      { text: '上海市公安局', x: 0.4, y: 0.74 },
      ...spaced('有效期限', 0.2, 0.86, 0.5),
      { text: '2015.03.06-2035.03.06', x: 0.4, y: 0.86 },
    ]);
    const reading = readCardFields(face, 'auto', TODAY);
    expect(reading.side).toBe('back');
    expect(
      Object.fromEntries(Object.entries(reading.fields).map(([k, f]) => [k, f.value])),
    ).toEqual({ issue: '上海市公安局', valid_from: '2015-03-06', valid_to: '2035-03-06' });
  });

  it('do not join a value to the next box on its row when they spell no label', () => {
    const face = faceOf([
      { text: '姓名', x: 0.05, y: 0.17 },
      { text: '马', x: 0.18, y: 0.17 },
      { text: '出', x: 0.22, y: 0.17 },
    ]);
    const fields: Record<string, { value: string }> = readCardFields(face, 'front', TODAY).fields;
    expect(fields.name?.value).toBe('马出');
  });

  it('drop punctuation read in the spacing, the label boxed with its value', () => {
    // Framed 0.09 of the face too high: a label with a character wrong is too far from its place.
    const rows = [
      { text: '姓，名杜娜健', x: 0.05, y: 0.08 },
      { text: '性别男', x: 0.05, y: 0.2 },
      { text: '民族、汉', x: 0.33, y: 0.2 },
      { text: '出生1990年3月6日', x: 0.05, y: 0.31 },
      { text: '住址北京市朝阳区建国路88号', x: 0.05, y: 0.42 },
      { text: '公民身份号码', x: 0.05, y: 0.76 },
      { text: NUMBER, x: 0.36, y: 0.76 },
    ];
    const fields: Record<string, { value: string }> = readCardFields(
      faceOf(rows),
      'front',
      TODAY,
    ).fields;
    expect(fields.name?.value).toBe('杜娜健');
    expect(fields.ethnicity?.value).toBe('汉');
  });
});
