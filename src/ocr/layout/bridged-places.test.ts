import { describe, expect, it } from 'vitest';
import { issuingAuthorities } from '../../idcard/gazetteer.ts';
import { bridgedPlace, hiddenRuns, roomBefore } from './bridged-places.ts';
import { glyphsOfLine } from './glyphs.ts';
import { readCardFields } from './read-card-fields.ts';
import { FACE_SIZE, faceOf, type LineSpec, lineOf, SAMPLE_TODAY } from './read-face-builder.ts';

/** The width of one character of the builder's lines, as a share of the face's width. */
const CHAR = 27 / FACE_SIZE.width;
const VALUE_LEFT = 0.39;

/** An emblem side whose issue row holds `parts`, each starting `skip` characters after the last. */
function backWithIssue(parts: { text: string; skip: number }[]): LineSpec[] {
  let x = VALUE_LEFT;
  const issue = parts.map(({ text, skip }) => {
    x += skip * CHAR;
    const line = { text, x, y: 0.74 };
    x += Array.from(text).length * CHAR;
    return line;
  });
  return [
    { text: '中华人民共和国', x: 0.36, y: 0.17 },
    { text: '居民身份证', x: 0.36, y: 0.33 },
    { text: '签发机关', x: 0.22, y: 0.74 },
    ...issue,
    { text: '有效期限', x: 0.22, y: 0.86 },
    { text: '2015.03.06-2035.03.06', x: VALUE_LEFT, y: 0.86 },
  ];
}

function issueOf(lines: LineSpec[]) {
  const reading = readCardFields(faceOf(lines), 'back', SAMPLE_TODAY);
  if (reading.side !== 'back') throw new Error('read as the portrait side');
  return reading.fields.issue;
}

function glyphsOf(specs: LineSpec[]) {
  return specs.flatMap((spec, i) => glyphsOfLine(lineOf(spec), i));
}

describe('hiddenRuns', () => {
  it('counts the characters a gap between two lines of one row can hold', () => {
    const glyphs = glyphsOf([
      { text: '乌', x: VALUE_LEFT, y: 0.74 },
      { text: '德县公安局', x: VALUE_LEFT + 6 * CHAR, y: 0.74 },
    ]);
    expect(hiddenRuns(glyphs)).toEqual([{ at: 1, min: 4, max: 6 }]);
  });

  it('sees nothing hidden where a line was split at its ordinary spacing, or between rows', () => {
    const split = glyphsOf([
      { text: '北京市公安局', x: VALUE_LEFT, y: 0.74 },
      { text: '朝阳分局', x: VALUE_LEFT + 6 * CHAR, y: 0.74 },
    ]);
    expect(hiddenRuns(split)).toEqual([]);
    const twoRows = glyphsOf([
      { text: '洛阳市洛阳高新技术', x: VALUE_LEFT, y: 0.74 },
      { text: '产业开发区公安局', x: VALUE_LEFT + 3 * CHAR, y: 0.8 },
    ]);
    expect(hiddenRuns(twoRows)).toEqual([]);
  });
});

describe('bridgedPlace', () => {
  it('offers the one listed name that bridges a gap, never vouched for', () => {
    const issue = issueOf(
      backWithIssue([
        { text: '乌', skip: 0 },
        { text: '德县公安局', skip: 5 },
      ]),
    );
    expect(issue?.value).toBe('乌兰察布市化德县公安局');
    expect(issue?.confidence).toBeLessThan(0.9);
  });

  it('leaves a gap that several names bridge as read', () => {
    const glyphs = glyphsOf([
      { text: '北京市公安局', x: VALUE_LEFT, y: 0.74 },
      { text: '分局', x: VALUE_LEFT + 8 * CHAR, y: 0.74 },
    ]);
    expect(bridgedPlace(glyphs, issuingAuthorities(), 'whole', false)).toBeNull();
  });

  it('completes an authority cut short only from enough characters to name one', () => {
    const cut = issueOf(backWithIssue([{ text: '南充市营山', skip: 0 }]));
    expect(cut?.value).toBe('南充市营山县公安局');
    expect(cut?.confidence).toBeLessThan(0.9);
    expect(issueOf(backWithIssue([{ text: '南充市', skip: 0 }]))?.value).toBe('南充市');
  });

  it('leaves a name read whole as listed alone, the city-prefixed form included', () => {
    const issue = issueOf(backWithIssue([{ text: '常德市安乡县公安局', skip: 0 }]));
    expect(issue?.value).toBe('常德市安乡县公安局');
    expect(issue?.confidence).toBeGreaterThanOrEqual(0.9);
  });
});

describe('roomBefore', () => {
  const labelRight = (0.22 + 4 * CHAR) * FACE_SIZE.width;

  it('counts the characters the space between the label and the first one read holds', () => {
    const glyphs = glyphsOf([{ text: '县公安局', x: VALUE_LEFT + 5 * CHAR, y: 0.74 }]);
    const lead = roomBefore(glyphs, labelRight);
    expect(lead?.min).toBeLessThanOrEqual(5);
    expect(lead?.max).toBeGreaterThanOrEqual(5);
    expect((lead?.max ?? 0) - (lead?.min ?? 0)).toBeLessThanOrEqual(2);
  });

  it('sees nothing surely hidden where the value starts where print sets it', () => {
    const glyphs = glyphsOf([{ text: '阳朔县公安局', x: VALUE_LEFT, y: 0.74 }]);
    expect(roomBefore(glyphs, labelRight)?.min).toBe(0);
  });

  it('puts back the first character of a name the list holds only with it, where there is room', () => {
    // 江 of 江门市公安局蓬江分局 dropped: the list holds no 门市公安局蓬江分局, and one name ending so.
    const issue = issueOf(backWithIssue([{ text: '门市公安局蓬江分局', skip: 0 }]));
    expect(issue?.value).toBe('江门市公安局蓬江分局');
    expect(issue?.confidence).toBeLessThan(0.9);
    // Right after its label, the name has no room for another character before it.
    expect(issueOf(backWithIssue([{ text: '门市公安局蓬江分局', skip: -1 }]))?.value).toBe(
      '门市公安局蓬江分局',
    );
  });

  it('hands the count to the authority read off the emblem side', () => {
    expect(issueOf(backWithIssue([{ text: '县公安局', skip: 5 }])).hiddenBefore).toMatchObject({
      min: 5,
    });
    expect(
      issueOf(backWithIssue([{ text: '阳朔县公安局', skip: 0 }])).hiddenBefore,
    ).toBeUndefined();
    // A listed name read whole, however far from its label, lost nothing.
    expect(
      issueOf(backWithIssue([{ text: '阳朔县公安局', skip: 3 }])).hiddenBefore,
    ).toBeUndefined();
  });
});
