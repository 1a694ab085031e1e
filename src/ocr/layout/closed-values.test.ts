import { describe, expect, it } from 'vitest';
import { readCardFields } from './read-card-fields.ts';
import {
  backLines,
  faceOf,
  readFrontOf,
  SAMPLE_NUMBER,
  SAMPLE_TODAY,
} from './read-face-builder.ts';

function issue(read: string) {
  const reading = readCardFields(
    faceOf(backLines({ issue: read, validity: '2015.03.06-2035.03.06' })),
    'back',
    SAMPLE_TODAY,
  );
  if (reading.side !== 'back') throw new Error('read as the portrait side');
  return reading.fields.issue;
}

describe('a closed value read together with a mark over its row', () => {
  it('takes the lone 男 among a stamp’s characters, unvouched', () => {
    const { sex } = readFrontOf({ sex: '男供核' });
    expect(sex.value).toBe('男');
    expect(sex.confidence).toBeLessThan(0.9);
  });

  it('takes the lone sex even where the number cannot confirm it, and marks it', () => {
    const { sex } = readFrontOf({ sex: '亥验女', number: '110105199003061' });
    expect(sex.value).toBe('女');
    expect(sex.confidence).toBeLessThanOrEqual(0.3);
  });

  it("takes the number's sex where a mark stands in the value's place, as unread", () => {
    // SAMPLE_NUMBER's 17th digit is odd: 男.
    const { sex } = readFrontOf({ sex: '供本么' });
    expect(SAMPLE_NUMBER[16]).toBe('3');
    expect(sex).toMatchObject({ value: '男', confidence: 0.5 });
  });

  it('chooses neither where both 男 and 女 are read', () => {
    const { sex } = readFrontOf({ sex: '男女', number: '110105199003061' });
    expect(sex.value).toBe('男女');
  });

  it('takes the one ethnic group among a usage line’s characters, unvouched', () => {
    const { ethnicity } = readFrontOf({ ethnicity: '办理汉业务' });
    expect(ethnicity.value).toBe('汉');
    expect(ethnicity.confidence).toBeLessThan(0.9);
  });

  it('takes a group holding another (土家 holds 土) as one, and chooses none of two', () => {
    expect(readFrontOf({ ethnicity: '使土家用' }).ethnicity.value).toBe('土家');
    expect(readFrontOf({ ethnicity: '回办理汉' }).ethnicity.value).toBe('回办理汉');
  });
});

describe('an issuing authority read together with a mark', () => {
  it('ends at its last 局, unvouched', () => {
    const read = issue('北京市公安局朝阳分局效');
    expect(read.value).toBe('北京市公安局朝阳分局');
    expect(read.confidence).toBeLessThan(0.9);
  });

  it("keeps a branch's name whose own 局 was lost whole, and gives it the 局 it names, unvouched", () => {
    const branch = issue('北京市公安局朝阳分');
    expect(branch.value).toBe('北京市公安局朝阳分局');
    expect(branch.confidence).toBeLessThan(0.9);
    expect(issue('北京市公安').value).toBe('北京市公安');
  });
});
