import { describe, expect, it } from 'vitest';
import { rateReading, readCardFields } from './read-card-fields.ts';
import { backLines, faceOf, SAMPLE_TODAY } from './read-face-builder.ts';

function validity(row: string) {
  const reading = readCardFields(
    faceOf(backLines({ issue: '北京市公安局朝阳分局', validity: row })),
    'back',
    SAMPLE_TODAY,
  );
  if (reading.side !== 'back') throw new Error('read as the portrait side');
  return { from: reading.fields.valid_from, to: reading.fields.valid_to };
}

describe('a validity row partly hidden under a stamp', () => {
  it('keeps the start date whose end is hidden, doubtful', () => {
    const { from, to } = validity('2011.01.22-203');
    expect(from).toMatchObject({ value: '2011-01-22' });
    expect(from.confidence).toBeLessThanOrEqual(0.3);
    expect(to).toMatchObject({ value: '', confidence: 0, box: null });
  });

  it('keeps 长期 whose start is hidden, doubtful', () => {
    const { from, to } = validity('印E1-长期');
    expect(from).toMatchObject({ value: '', confidence: 0, box: null });
    expect(to).toMatchObject({ value: '长期' });
    expect(to.confidence).toBeLessThanOrEqual(0.3);
  });

  it('keeps an end date after the dash as the end, not the start', () => {
    const { from, to } = validity('20一2030.02.15');
    expect(from.value).toBe('');
    expect(to.value).toBe('2030-02-15');
  });

  it('returns a row with neither date legible as read', () => {
    const { from, to } = validity('入职手');
    expect(from.value).toBe('入职手');
    expect(to).toMatchObject({ value: '', confidence: 0 });
  });

  it('completes an end cut short after its year from the whole start, doubtful', () => {
    const { from, to } = validity('2016.10.24-2036.1%');
    expect(from.value).toBe('2016-10-24');
    expect(to).toMatchObject({ value: '2036-10-24' });
    expect(to.confidence).toBeLessThanOrEqual(0.3);
    // A year no lawful length after the start, or digits off its month and day, complete nothing.
    expect(validity('2016.10.24-2031.1').to.value).toBe('');
    expect(validity('2016.10.24-2036.2').to.value).toBe('');
  });

  it('completes an end cut short after a whole start, the dash lost with its day, doubtful', () => {
    // A usage line's 他用无效 over the end's day, read as 世用无效.
    const { from, to } = validity('2018.06.272038.06世用无效');
    expect(from.value).toBe('2018-06-27');
    expect(to).toMatchObject({ value: '2038-06-27' });
    expect(to.confidence).toBeLessThanOrEqual(0.3);
    expect(validity('2018.06.272037.06世用无效').to.value).toBe('');
  });

  it('completes a start cut short after its year from the whole end, doubtful', () => {
    const { from, to } = validity('2019徳-2039.10.23');
    expect(from).toMatchObject({ value: '2019-10-23' });
    expect(from.confidence).toBeLessThanOrEqual(0.3);
    expect(to.value).toBe('2039-10-23');
    // A year no lawful length before the end, or a start that has not begun, completes nothing.
    expect(validity('2017徳-2039.10.23').from.value).toBe('');
    expect(validity('2026徳-2046.10.23').from.value).toBe('');
  });

  it('takes for a start not read the one a lawful length before the end that has begun', () => {
    // Today 2026-06-01: of 2040, 2035 and 2025.03.18, only the last has begun.
    const { from, to } = validity('1292593.18-2045.03.18');
    expect(from).toMatchObject({ value: '2025-03-18' });
    expect(from.confidence).toBeLessThanOrEqual(0.3);
    expect(to.value).toBe('2045-03-18');
    expect(from.incomplete).toBe(true);
    // Chosen, not read: the row is looked at again for the start.
    const face = faceOf(
      backLines({ issue: '北京市公安局朝阳分局', validity: '1292593.18-2045.03.18' }),
    );
    expect(rateReading(face, 'back', SAMPLE_TODAY).unboxed).toHaveLength(1);
    // Two have begun (2023 and 2013.11.17), or the digits read begin with another year.
    expect(validity('行办理社件-2033.11.17').from.value).toBe('');
    expect(validity('2017徳-2045.03.18').from.value).toBe('');
  });

  it('completes a start read one digit short from the end, doubtful', () => {
    const { from, to } = validity('2021.1.22-2026.11.22');
    expect(from).toMatchObject({ value: '2021-11-22' });
    expect(from.confidence).toBeLessThanOrEqual(0.3);
    expect(to.value).toBe('2026-11-22');
  });

  it('completes a start whose last digits a mark hid with the dash from the whole end, doubtful', () => {
    const { from, to } = validity('20181理2038.11.18');
    expect(from).toMatchObject({ value: '2018-11-18' });
    expect(from.confidence).toBeLessThanOrEqual(0.3);
    expect(to.value).toBe('2038-11-18');
    // Digits that begin no lawful start of that end leave the row as before.
    expect(validity('20171理2038.11.18').to.value).toBe('');
  });

  it('completes a start a mark hid the middle of, with the dash, from the whole end, doubtful', () => {
    // 2006.07.29-2026.07.29 read 200692026.07.29: .07.2 and the dash under a usage line.
    const { from, to } = validity('200692026.07.29');
    expect(from).toMatchObject({ value: '2006-07-29' });
    expect(from.confidence).toBeLessThanOrEqual(0.3);
    expect(to.value).toBe('2026-07-29');
    // Digits that spell no lawful start of that end, its year whole, leave the row as before.
    expect(validity('200682026.07.29').to.value).toBe('');
  });

  it('reads such a row as without a dash where a dash read there splits it into no date', () => {
    // 2005.05.19-2025.05.19 read 2005192025-05.19: .05. and the dash hidden, a dot read as one.
    const { from, to } = validity('2005192025-05.19');
    expect(from).toMatchObject({ value: '2005-05-19' });
    expect(from.confidence).toBeLessThanOrEqual(0.3);
    expect(to.value).toBe('2025-05-19');
  });

  it('reads a period whose dash was read as a digit where the dates fit the rule, doubtful', () => {
    const { from, to } = validity('201801:04720230104');
    expect(from.value).toBe('2018-01-04');
    expect(to.value).toBe('2023-01-04');
    expect(from.confidence).toBeLessThan(0.9);
    expect(to.confidence).toBeLessThan(0.9);
    // A day apart: no lawful period, so nothing says where the dash was.
    expect(validity('2018.01.0472023.01.05').to.value).toBe('');
  });

  it('takes a lone date after today, its dash lost with the start, as the end', () => {
    const { from, to } = validity('印2030.02.15');
    expect(from).toMatchObject({ value: '', confidence: 0, box: null });
    expect(to.value).toBe('2030-02-15');
    expect(to.confidence).toBeLessThanOrEqual(0.3);
  });

  it('keeps a lone date before today as the start', () => {
    const { from, to } = validity('印2011.01.22');
    expect(from.value).toBe('2011-01-22');
    expect(to.value).toBe('');
  });

  it('takes a lone 长期, its dash lost with the start, as the end', () => {
    const { from, to } = validity('印长期');
    expect(from.value).toBe('');
    expect(to).toMatchObject({ value: '长期' });
    expect(to.confidence).toBeLessThanOrEqual(0.3);
  });
});

describe("a validity row read with a mark's box on it", () => {
  it("takes the period of the one line that spells it, leaving the mark's digits out, unvouched", () => {
    const reading = readCardFields(
      faceOf([
        ...backLines({ issue: '北京市公安局朝阳分局', validity: '2006.06.22-2026.06.22' }),
        { text: 'Z18', x: 0.33, y: 0.85 },
      ]),
      'back',
      SAMPLE_TODAY,
    );
    if (reading.side !== 'back') throw new Error('read as the portrait side');
    expect(reading.fields.valid_from.value).toBe('2006-06-22');
    expect(reading.fields.valid_to.value).toBe('2026-06-22');
    expect(reading.fields.valid_from.confidence).toBeLessThan(0.9);
  });
});
