import { describe, expect, it } from 'vitest';
import type { Person } from '../people/person.ts';
import { matchesFilter } from './batch-filters.ts';

const person = (change: Partial<Person> = {}): Person => ({
  id: 'p1',
  intakeId: 'drop',
  front: null,
  back: null,
  pendingJobIds: [],
  checked: false,
  ...change,
});

describe('matchesFilter', () => {
  it('keeps people with doubtful fields or a warning under 有存疑', () => {
    const failed = new Set<string>();
    expect(
      matchesFilter('doubtful', { person: person(), doubtfulCount: 2, warned: false }, failed),
    ).toBe(true);
    expect(
      matchesFilter('doubtful', { person: person(), doubtfulCount: 0, warned: true }, failed),
    ).toBe(true);
    expect(
      matchesFilter('doubtful', { person: person(), doubtfulCount: 0, warned: false }, failed),
    ).toBe(false);
  });

  it('keeps people not marked 已核对 under 未核对', () => {
    const facts = (checked: boolean) => ({
      person: person({ checked }),
      doubtfulCount: 0,
      warned: false,
    });
    expect(matchesFilter('unchecked', facts(false), new Set())).toBe(true);
    expect(matchesFilter('unchecked', facts(true), new Set())).toBe(false);
  });

  it('keeps people holding the slot of a failed image under 有未能识别的图片', () => {
    const waiting = { person: person({ pendingJobIds: ['j1'] }), doubtfulCount: 0, warned: false };
    expect(matchesFilter('failed', waiting, new Set(['j1']))).toBe(true);
    expect(matchesFilter('failed', waiting, new Set(['j2']))).toBe(false);
  });
});
