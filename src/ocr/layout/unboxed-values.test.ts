import { describe, expect, it } from 'vitest';
import type { Quad } from '../../idcard/api-contract.ts';
import { faceTextOf } from './face-text.ts';
import { rateReading, readCardFields } from './read-card-fields.ts';
import {
  backLines,
  faceOf,
  frontLines,
  SAMPLE_FRONT,
  SAMPLE_NUMBER,
  SAMPLE_TODAY,
} from './read-face-builder.ts';
import {
  ethnicityRegion,
  issueRegion,
  lostAddressRegions,
  nameRegion,
  numberRegion,
  validityRegion,
} from './unboxed-values.ts';

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

  it('is asked for only when the ethnic group came back empty or off the list', () => {
    expect(rateReading(faceOf(WITHOUT_ETHNICITY), 'auto', SAMPLE_TODAY).unboxed).toHaveLength(1);
    const marked = frontLines({ ...SAMPLE_FRONT, ethnicity: '共办理就' });
    expect(rateReading(faceOf(marked), 'auto', SAMPLE_TODAY).unboxed).toHaveLength(1);
    expect(rateReading(faceOf(frontLines(SAMPLE_FRONT)), 'auto', SAMPLE_TODAY).unboxed).toEqual([]);
  });
});

/** Whether a point in card fractions lies inside a region in face pixels. */
function holds(region: Quad, x: number, y: number): boolean {
  const [[left, top], , [right, bottom]] = region;
  return x * 856 > left && x * 856 < right && y * 540 > top && y * 540 < bottom;
}

describe('where an unboxed name is looked for', () => {
  const withoutName = frontLines(SAMPLE_FRONT).filter((line) => line.text !== SAMPLE_FRONT.name);

  it('is the name row right of 姓名, short of the photo, and only when the name came back empty', () => {
    const region = nameRegion(faceTextOf(faceOf(withoutName)));
    // The name's first character (x about 0.19), not the label's (0.06 to 0.14) nor the row below.
    expect(holds(region, 0.19, 0.166)).toBe(true);
    expect(holds(region, 0.1, 0.166)).toBe(false);
    expect(holds(region, 0.19, 0.277)).toBe(false);
    expect(holds(region, 0.8, 0.166)).toBe(false);
    expect(rateReading(faceOf(withoutName), 'auto', SAMPLE_TODAY).unboxed).toHaveLength(1);
  });
});

describe('where an unboxed number, authority or period is looked for', () => {
  const withoutNumber = frontLines(SAMPLE_FRONT).filter((line) => line.text !== SAMPLE_NUMBER);
  const BACK = { issue: '北京市公安局朝阳分局', validity: '2015.03.06-2035.03.06' };

  it('is asked for a number read short of its last digits, and not for a whole one', () => {
    // A seal's ring crossed the number and its box ended there: 14 of its 18 digits.
    const short = frontLines(SAMPLE_FRONT).map((line) =>
      line.text === SAMPLE_NUMBER ? { ...line, text: SAMPLE_NUMBER.slice(0, 14) } : line,
    );
    expect(rateReading(faceOf(short), 'auto', SAMPLE_TODAY).unboxed).toHaveLength(1);
    expect(rateReading(faceOf(frontLines(SAMPLE_FRONT)), 'auto', SAMPLE_TODAY).unboxed).toEqual([]);
  });

  it('is the number row right of its label, asked for when the number came back empty', () => {
    const region = numberRegion(faceTextOf(faceOf(withoutNumber)));
    // The number's start and end (x 0.33 to about 0.9), not the label's (0.06 to 0.25).
    expect(holds(region, 0.34, 0.85)).toBe(true);
    expect(holds(region, 0.9, 0.85)).toBe(true);
    expect(holds(region, 0.2, 0.85)).toBe(false);
    expect(holds(region, 0.4, 0.66)).toBe(false);
    expect(rateReading(faceOf(withoutNumber), 'auto', SAMPLE_TODAY).unboxed).toHaveLength(1);
  });

  it('is the authority row and the period row right of their labels on the emblem side', () => {
    const text = faceTextOf(faceOf(backLines(BACK)));
    expect(holds(issueRegion(text), 0.45, 0.74)).toBe(true);
    expect(holds(issueRegion(text), 0.3, 0.74)).toBe(false);
    expect(holds(issueRegion(text), 0.45, 0.86)).toBe(false);
    expect(holds(validityRegion(text), 0.45, 0.86)).toBe(true);
    expect(holds(validityRegion(text), 0.45, 0.74)).toBe(false);
  });

  it('is asked for on the emblem side only for an authority, a start or an end unread', () => {
    const rate = (lines: ReturnType<typeof backLines>) =>
      rateReading(faceOf(lines), 'auto', SAMPLE_TODAY).unboxed;
    expect(rate(backLines(BACK))).toEqual([]);
    expect(rate(backLines({ ...BACK, validity: '入职手' }))).toHaveLength(1);
    // A seal over the start: only the end was boxed.
    expect(rate(backLines({ ...BACK, validity: '2035.03.06' }))).toHaveLength(1);
    expect(rate(backLines(BACK).filter((line) => line.text !== BACK.issue))).toHaveLength(1);
  });
});

function frontFields(face: ReturnType<typeof faceOf>) {
  const reading = readCardFields(face, 'front', SAMPLE_TODAY);
  if (reading.side !== 'front') throw new Error('read as the emblem side');
  return reading.fields;
}

describe("where an address's lost lines are looked for", () => {
  const [firstLine] = SAMPLE_FRONT.address;
  const withoutFirstLine = frontLines(SAMPLE_FRONT).filter((line) => line.text !== firstLine);
  const addressBox = (lines: ReturnType<typeof frontLines>) =>
    frontFields(faceOf(lines)).address.box;

  it('is the first address row right of 住址, when the address read starts below it', () => {
    const text = faceTextOf(faceOf(withoutFirstLine));
    const [region, ...more] = lostAddressRegions(text, addressBox(withoutFirstLine));
    if (region === undefined) throw new Error('no region');
    expect(more).toEqual([]);
    expect(holds(region, 0.2, 0.51)).toBe(true);
    expect(holds(region, 0.55, 0.51)).toBe(true);
    expect(holds(region, 0.1, 0.51)).toBe(false);
    expect(holds(region, 0.2, 0.59)).toBe(false);
    expect(holds(region, 0.2, 0.4)).toBe(false);
    expect(rateReading(faceOf(withoutFirstLine), 'auto', SAMPLE_TODAY).unboxed).toHaveLength(1);
  });

  it('is every address row, one region each, when nothing of the address was read', () => {
    const address = new Set<string>(SAMPLE_FRONT.address);
    const withoutAddress = frontLines(SAMPLE_FRONT).filter((line) => !address.has(line.text));
    const regions = lostAddressRegions(faceTextOf(faceOf(withoutAddress)), null);
    expect(regions).toHaveLength(3);
    regions.forEach((region, row) => {
      const y = [0.499, 0.577, 0.655][row] as number;
      expect(holds(region, 0.3, y)).toBe(true);
      expect(holds(region, 0.3, y - 0.078)).toBe(false);
      expect(holds(region, 0.3, y + 0.078)).toBe(false);
    });
    expect(rateReading(faceOf(withoutAddress), 'auto', SAMPLE_TODAY).unboxed).toHaveLength(3);
  });

  it('is the first address row when a scrap on it starts an address that names no region', () => {
    // A usage line across the row's end: the detector boxed one of its characters, not the row.
    const scrapOnFirstLine = [...withoutFirstLine, { text: '自', x: 0.5, y: 0.5 }];
    const face = faceOf(scrapOnFirstLine);
    const { address } = frontFields(face);
    expect(address.value.startsWith('自')).toBe(true);
    const text = faceTextOf(face);
    expect(lostAddressRegions(text, address.box)).toEqual([]);
    const [region, ...more] = lostAddressRegions(text, address.box, true);
    if (region === undefined) throw new Error('no region');
    expect(more).toEqual([]);
    expect(holds(region, 0.2, 0.51)).toBe(true);
    expect(rateReading(face, 'auto', SAMPLE_TODAY).unboxed).toHaveLength(1);
  });

  it('is not asked for where the address starts on its row', () => {
    const whole = frontLines(SAMPLE_FRONT);
    expect(lostAddressRegions(faceTextOf(faceOf(whole)), addressBox(whole))).toEqual([]);
  });
});

describe('a line read where the detector boxed nothing', () => {
  it('leaves the address it completes unvouched, and the values beside it as they were', () => {
    const face = faceOf(frontLines(SAMPLE_FRONT));
    face.lines = face.lines.map((line) =>
      line.text === SAMPLE_FRONT.address[0] ? { ...line, unboxed: true } : line,
    );
    const fields = frontFields(face);
    expect(fields.address.value).toBe('北京市朝阳区建国路88号院3号楼');
    expect(fields.address.confidence).toBeLessThan(0.9);
    expect(fields.name.confidence).toBeGreaterThanOrEqual(0.9);
  });
});
