import { describe, expect, it } from 'vitest';
import { readCardFields } from './read-card-fields.ts';
import { type Doubt, faceOf, frontLines, SAMPLE_FRONT, SAMPLE_TODAY } from './read-face-builder.ts';

function field(
  overrides: Partial<typeof SAMPLE_FRONT>,
  name: 'name' | 'ethnicity',
  doubts: Record<number, Doubt> = {},
) {
  const lines = frontLines({ ...SAMPLE_FRONT, ...overrides }).map((line) =>
    line.text === overrides[name] ? { ...line, doubts } : line,
  );
  const fields: Record<string, { value: string; confidence: number }> = readCardFields(
    faceOf(lines),
    'front',
    SAMPLE_TODAY,
  ).fields;
  return fields[name];
}

describe('closed lists choose among readings', () => {
  it('takes the one ethnic group a character away from a reading off the list, unvouched', () => {
    const ethnicity = field({ ethnicity: '联鲜' }, 'ethnicity');
    expect(ethnicity?.value).toBe('朝鲜');
    expect(ethnicity?.confidence).toBeLessThan(0.9);
  });

  it('takes the one ethnic group a reading lost a character of, unvouched', () => {
    const ethnicity = field({ ethnicity: '伦春' }, 'ethnicity');
    expect(ethnicity?.value).toBe('鄂伦春');
    expect(ethnicity?.confidence).toBeLessThan(0.9);
  });

  it('leaves a reading with several groups a character away as read', () => {
    // 仫佬 and 仡佬 are both a character away from 什佬.
    const ethnicity = field({ ethnicity: '什佬' }, 'ethnicity');
    expect(ethnicity).toMatchObject({ value: '什佬' });
    expect(ethnicity?.confidence).toBeLessThanOrEqual(0.3);
  });

  it('takes the one ethnic group a character away from a stretch of a mark read with it, unvouched', () => {
    // 哈尼 with its 尼 misread under the strokes of 仅供本公司就诊建档使用.
    const ethnicity = field({ ethnicity: '司就哈屋建档使' }, 'ethnicity');
    expect(ethnicity?.value).toBe('哈尼');
    expect(ethnicity?.confidence).toBeLessThan(0.9);
  });

  it('leaves a mark read with no stretch a character from one group as read', () => {
    // 门巴 and 珞巴 are both a character away from 下巴.
    const ethnicity = field({ ethnicity: '写下巴士' }, 'ethnicity');
    expect(ethnicity).toMatchObject({ value: '写下巴士' });
    expect(ethnicity?.confidence).toBeLessThanOrEqual(0.3);
  });

  it('spells a compound surname with the runner-up of its second character, unvouched', () => {
    const name = field({ name: '夏候明' }, 'name', {
      1: { prob: 0.6, alternatives: [['侯', 0.35]] },
    });
    expect(name?.value).toBe('夏侯明');
    expect(name?.confidence).toBeLessThan(0.9);
  });

  it('keeps the name as read when the runner-up is only a faint look-alike', () => {
    const name = field({ name: '夏候明' }, 'name', {
      1: { prob: 0.95, alternatives: [['侯', 0.03]] },
    });
    expect(name?.value).toBe('夏候明');
  });
});
