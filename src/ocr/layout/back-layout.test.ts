import { describe, expect, it } from 'vitest';
import { readCardFields } from './read-card-fields.ts';
import { faceOf, type LineSpec } from './read-face-builder.ts';

const TODAY = '2026-06-01';

function values(lines: LineSpec[]): Record<string, string> {
  const reading = readCardFields(faceOf(lines), 'back', TODAY);
  return Object.fromEntries(Object.entries(reading.fields).map(([k, f]) => [k, f.value]));
}

const TITLES: LineSpec[] = [
  { text: '中华人民共和国', x: 0.36, y: 0.17 },
  { text: '居民身份证', x: 0.36, y: 0.33 },
];

describe('the emblem side’s rows by what they say', () => {
  it('keeps the dates in the period when their box sits on the authority’s row', () => {
    // A face left tilted: the date line rides up onto the 签发机关 row, its label unread.
    const lines = [
      ...TITLES,
      { text: '签发机关', x: 0.22, y: 0.74 },
      { text: '上海市公安局', x: 0.39, y: 0.745 },
      { text: '2015.03.06-2035.03.06', x: 0.62, y: 0.75 },
    ];
    expect(values(lines)).toEqual({
      issue: '上海市公安局',
      valid_from: '2015-03-06',
      valid_to: '2035-03-06',
    });
  });

  it('reads 长期 into the period, never into the authority', () => {
    const lines = [
      ...TITLES,
      { text: '签发机关', x: 0.22, y: 0.74 },
      { text: '上海市公安局', x: 0.39, y: 0.74 },
      { text: '2010.05.01-', x: 0.39, y: 0.86 },
      { text: '长期', x: 0.62, y: 0.77 },
    ];
    expect(values(lines)).toMatchObject({ issue: '上海市公安局', valid_to: '长期' });
  });

  it('joins an authority printed over two lines, though its second line nears the dates', () => {
    const lines = [
      ...TITLES,
      { text: '签发机关洛阳市洛阳高新技术产业开发', x: 0.22, y: 0.72 },
      { text: '区公安局', x: 0.39, y: 0.8 },
      { text: '有效期限', x: 0.22, y: 0.87 },
      { text: '2012.09.04-2032.09.04', x: 0.39, y: 0.87 },
    ];
    expect(values(lines)).toEqual({
      issue: '洛阳市洛阳高新技术产业开发区公安局',
      valid_from: '2012-09-04',
      valid_to: '2032-09-04',
    });
  });

  it('splits one box that runs from the authority into the dates', () => {
    const lines = [
      ...TITLES,
      { text: '签发机关', x: 0.22, y: 0.74 },
      { text: '上海市公安局2015.03.06-2035.03.06', x: 0.39, y: 0.8 },
    ];
    expect(values(lines)).toEqual({
      issue: '上海市公安局',
      valid_from: '2015-03-06',
      valid_to: '2035-03-06',
    });
  });
});

describe('an issuing authority with a branch after its 公安局', () => {
  const withIssue = (issue: LineSpec): LineSpec[] => [
    ...TITLES,
    { text: '签发机关', x: 0.22, y: 0.74 },
    issue,
    { text: '有效期限', x: 0.22, y: 0.86 },
    { text: '2005.08.29-2015.08.29', x: 0.39, y: 0.86 },
  ];

  it('keeps a branch whose 分 and 局 were misread, each the runner-up there', () => {
    // 通辽市公安局科尔沁发剧: 分 read 发, 局 read 剧, the right ones their runners-up.
    const issue = {
      text: '通辽市公安局科尔沁发剧',
      x: 0.39,
      y: 0.74,
      doubts: {
        9: { prob: 0.43, alternatives: [['分', 0.02]] as [string, number][] },
        10: { prob: 0.54, alternatives: [['局', 0.06]] as [string, number][] },
      },
    };
    expect(values(withIssue(issue)).issue).toBe('通辽市公安局科尔沁分局');
  });

  it("still cuts a mark's remains after the 局 that hold neither", () => {
    const issue = { text: '通辽市公安局科尔沁发剧', x: 0.39, y: 0.74 };
    expect(values(withIssue(issue)).issue).toBe('通辽市公安局');
  });
});
