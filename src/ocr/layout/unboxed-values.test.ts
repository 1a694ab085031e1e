import { describe, expect, it } from 'vitest';
import { faceTextOf } from './face-text.ts';
import { rateReading } from './read-card-fields.ts';
import { faceOf, frontLines, SAMPLE_FRONT, SAMPLE_TODAY } from './read-face-builder.ts';
import { ethnicityRegion } from './unboxed-values.ts';

const WITHOUT_ETHNICITY = frontLines(SAMPLE_FRONT).filter((line) => line.text !== '汉');

describe('where an unboxed ethnic group is looked for', () => {
  it('is right of the 民族 label, on its row, short of the photo side', () => {
    const text = faceTextOf(faceOf(WITHOUT_ETHNICITY));
    const [[left, top], , [right, bottom]] = ethnicityRegion(text);
    const label = frontLines(SAMPLE_FRONT).find((line) => line.text === '民族');
    const labelY = (label?.y ?? 0) * text.height;
    expect(left).toBeGreaterThan((label?.x ?? 0) * text.width);
    expect(right).toBeLessThan(0.8 * text.width);
    expect(top).toBeLessThan(labelY);
    expect(bottom).toBeGreaterThan(labelY);
    // The ethnic group the card prints there falls inside.
    const printed =
      ((frontLines(SAMPLE_FRONT).find((l) => l.text === '汉')?.x ?? 0) + 0.01) * text.width;
    expect(printed).toBeGreaterThan(left);
    expect(printed).toBeLessThan(right);
  });

  it('is where the layout prints the label when the label was not read', () => {
    const lines = WITHOUT_ETHNICITY.filter((line) => line.text !== '民族');
    const [[left, top], , , [, bottom]] = ethnicityRegion(faceTextOf(faceOf(lines)));
    expect(left).toBeGreaterThan(0.3 * 856);
    expect(left).toBeLessThan(0.4 * 856);
    expect(top).toBeLessThan(0.277 * 540);
    expect(bottom).toBeGreaterThan(0.277 * 540);
  });

  it('is asked for only when the ethnic group came back empty', () => {
    expect(rateReading(faceOf(WITHOUT_ETHNICITY), 'auto', SAMPLE_TODAY).unboxed).toHaveLength(1);
    expect(rateReading(faceOf(frontLines(SAMPLE_FRONT)), 'auto', SAMPLE_TODAY).unboxed).toEqual([]);
  });
});
