import { describe, expect, it } from 'vitest';
import { readCardFields } from './read-card-fields.ts';
import { type Doubt, faceOf, frontLines, SAMPLE_FRONT, SAMPLE_TODAY } from './read-face-builder.ts';

/** The sample portrait side's name field, the name read as `name` with `doubts`. */
function nameRead(name: string, doubts: Record<number, Doubt>) {
  const lines = frontLines({ ...SAMPLE_FRONT, name }).map((line) =>
    line.text === name ? { ...line, doubts } : line,
  );
  const { fields } = readCardFields(faceOf(lines), 'front', SAMPLE_TODAY);
  return fields as Record<string, { value: string; confidence: number; alternatives?: string[] }>;
}

describe('priors on names', () => {
  it('read an unsure first character as a close alternative that is a common surname', () => {
    const { name } = nameRead('昌娟嘉', { 0: { prob: 0.55, alternatives: [['吕', 0.4]] } });
    expect(name?.value).toBe('吕娟嘉');
    expect(name?.confidence).toBeLessThan(0.9);
    expect(name?.alternatives).toContain('昌娟嘉');
  });

  it('never override a character read surely, nor choose a far alternative', () => {
    expect(
      nameRead('昌娟嘉', { 0: { prob: 0.95, alternatives: [['吕', 0.04]] } }).name?.value,
    ).toBe('昌娟嘉');
    expect(nameRead('昌娟嘉', { 0: { prob: 0.8, alternatives: [['吕', 0.15]] } }).name?.value).toBe(
      '昌娟嘉',
    );
  });

  it('leave a rare surname whose look-alike is no common surname either', () => {
    const { name } = nameRead('仉明', { 0: { prob: 0.6, alternatives: [['仇', 0.35]] } });
    expect(name?.value).toBe('仉明');
    expect(name?.confidence).toBeLessThan(0.9);
  });

  it('prefer a close character of the 通用规范汉字表 to one outside it', () => {
    const { name } = nameRead('孙瑤海', { 1: { prob: 0.6, alternatives: [['瑶', 0.35]] } });
    expect(name?.value).toBe('孙瑶海');
    expect(name?.confidence).toBeLessThan(0.9);
    expect(name?.alternatives).toContain('孙瑤海');
  });

  it('read a traditional form as the simplified form the card prints, however surely read', () => {
    const { name } = nameRead('黃春', { 0: { prob: 0.97, alternatives: [['寅', 0.01]] } });
    expect(name?.value).toBe('黄春');
    expect(name?.confidence).toBeLessThan(0.9);
    expect(name?.alternatives).toContain('黃春');
  });

  it('keep a rare name character whose simplified form is of the table’s third level', () => {
    // 龑 is printed in some names; its form in the table, 䶮, is a rare character of level 3.
    const { name } = nameRead('刘龑', {});
    expect(name?.value).toBe('刘龑');
    expect(name?.confidence).toBeLessThan(0.9);
  });
});

describe('a name longer than names run', () => {
  it('is not vouched for (a mark’s character read onto its end)', () => {
    const { name } = nameRead('许娟德阳证', {});
    expect(name?.value).toBe('许娟德阳证');
    expect(name?.confidence).toBeLessThan(0.9);
  });

  it('is vouched for up to four characters, and with a middle dot at any length', () => {
    expect(nameRead('欧阳明轩', {}).name?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(nameRead('艾力·买提', {}).name?.confidence).toBeGreaterThanOrEqual(0.9);
  });
});
