import { describe, expect, it } from 'vitest';
import { completeAcrossFaces } from './across-faces.ts';
import type { BackReading, FieldReading, FrontReading } from './card-reading.ts';
import { CONFIDENCE } from './confidence.ts';
import { readCardFields } from './read-card-fields.ts';
import { faceOf, frontLines, SAMPLE_FRONT, SAMPLE_TODAY } from './read-face-builder.ts';

/** SAMPLE_FRONT's holder, born 1990-03-06. */
function front(): FrontReading {
  const reading = readCardFields(faceOf(frontLines(SAMPLE_FRONT)), 'front', SAMPLE_TODAY);
  if (reading.side !== 'front') throw new Error('read as the emblem side');
  return reading;
}

function back(from: string, to: string): BackReading {
  const field = (value: string, confidence: number): FieldReading => ({
    value,
    confidence,
    box: null,
  });
  return {
    side: 'back',
    fields: {
      issue: field('北京市公安局朝阳分局', 0.99),
      valid_from: field(from, 0.3),
      valid_to: field(to, to === '' ? 0 : 0.99),
    },
  };
}

describe('the emblem side completed from the portrait side', () => {
  it("takes a hidden end from the start and the holder's age on it, doubtful", () => {
    // 20 on 2011-01-22: a 10-year card.
    const to = completeAcrossFaces(front(), back('2011-01-22', ''), SAMPLE_TODAY).fields.valid_to;
    expect(to).toMatchObject({ value: '2021-01-22', box: null });
    expect(to.confidence).toBeLessThanOrEqual(0.3);
  });

  it('takes 长期 for a holder over 45 on the start', () => {
    const older = front();
    older.fields.birth = { ...older.fields.birth, value: '1960-03-15' };
    expect(
      completeAcrossFaces(older, back('2016-10-12', ''), SAMPLE_TODAY).fields.valid_to.value,
    ).toBe('长期');
  });

  it('leaves an end that was read, a start that is no date, or one after today alone', () => {
    expect(
      completeAcrossFaces(front(), back('2011-01-22', '2021-01-22'), SAMPLE_TODAY).fields.valid_to
        .value,
    ).toBe('2021-01-22');
    expect(
      completeAcrossFaces(front(), back('2011.01.2', ''), SAMPLE_TODAY).fields.valid_to.value,
    ).toBe('');
    expect(
      completeAcrossFaces(front(), back('2030-02-15', ''), SAMPLE_TODAY).fields.valid_to.value,
    ).toBe('');
  });

  it('takes 长期 from a start whose day is lost when the holder was past 45 all that month', () => {
    const older = front();
    older.fields.birth = { ...older.fields.birth, value: '1960-03-15' };
    expect(
      completeAcrossFaces(older, back('2016.10.1', ''), SAMPLE_TODAY).fields.valid_to.value,
    ).toBe('长期');
    // Born 1990: a start in 2016 could give 10 or 20 years; nothing follows without its day.
    expect(
      completeAcrossFaces(front(), back('2016.10.1', ''), SAMPLE_TODAY).fields.valid_to.value,
    ).toBe('');
  });

  it("takes a hidden start back from a dated end and the holder's age, doubtful", () => {
    // Born 1990-03-06: 21 on 2011-01-22, a 10-year card; 2001 (5 years) and 2016 (20) do not fit.
    const from = completeAcrossFaces(front(), back('', '2021-01-22'), SAMPLE_TODAY).fields
      .valid_from;
    expect(from).toMatchObject({ value: '2011-01-22', box: null });
    expect(from.confidence).toBeLessThanOrEqual(0.5);
  });

  it('takes no start back from 长期, nor from an end no lawful start gives', () => {
    expect(
      completeAcrossFaces(front(), back('', '长期'), SAMPLE_TODAY).fields.valid_from.value,
    ).toBe('');
    // 2010 would make the holder 19 (10 years, not 20); 2020 30 (20, not 10); 2025 35 (20, not 5).
    expect(
      completeAcrossFaces(front(), back('', '2030-02-15'), SAMPLE_TODAY).fields.valid_from.value,
    ).toBe('');
  });
});

describe('the authority completed from the portrait side', () => {
  it("takes the bureau of the holder's region where a mark hid the authority's start", () => {
    const marked = back('2011-01-22', '2021-01-22');
    marked.fields.issue = {
      value: '朝阳分局',
      confidence: 0.99,
      box: null,
      hiddenBefore: { min: 5, max: 6 },
    };
    const issue = completeAcrossFaces(front(), marked, SAMPLE_TODAY).fields.issue;
    expect(issue.value).toBe('北京市公安局朝阳分局');
    expect(issue.confidence).toBe(CONFIDENCE.derivedFromRegion);
  });

  it('leaves an authority with nothing hidden before it', () => {
    const read = back('2011-01-22', '2021-01-22');
    read.fields.issue = { value: '朝阳分局', confidence: 0.3, box: null };
    expect(completeAcrossFaces(front(), read, SAMPLE_TODAY).fields.issue.value).toBe('朝阳分局');
  });
});
