import { describe, expect, it } from 'vitest';
import type { Face, FieldValues, Person } from './person.ts';
import { warningsByPerson } from './person-warnings.ts';
import { testFace } from './test-face.ts';

function face(side: Face['side'], recognised: FieldValues, jobId = `${side}-job`): Face {
  return testFace(side, recognised, { id: `${jobId}-face`, jobId });
}

function person(id: string, front: Face | null, back: Face | null): Person {
  return { id, intakeId: 'drop', front, back, pendingJobIds: [], checked: false };
}

// 11010519491231002X is the specimen number published with GB 11643-1999.
const elder = face('front', { name: '某人', birth: '1949-12-31', number: '11010519491231002X' });
const young = face('front', { name: '某童', birth: '2015-03-06', number: '110105201503060011' });
const twentyYears = face('back', {
  issue: '某局',
  valid_from: '2006-01-01',
  valid_to: '2026-01-01',
});

describe('warningsByPerson', () => {
  it('raises nothing for one person whose period fits the age', () => {
    const fits = face('back', { issue: '某局', valid_from: '2020-03-06', valid_to: '2025-03-06' });
    const child = person('p1', young, fits);
    expect(warningsByPerson([child]).get('p1')).toEqual([]);
  });

  it('names the other person holding the same number, spaces and case aside', () => {
    const first = person('p1', elder, null);
    const again = person('p2', face('front', { number: '11010519491231 002x' }, 'j2'), null);
    const warnings = warningsByPerson([first, again]);
    const [warning] = warnings.get('p2') ?? [];
    expect(warning?.kind).toBe('duplicate');
    expect(warning?.message).toContain('第 1 人');
    expect(warnings.get('p1')?.[0]?.message).toContain('第 2 人');
  });

  it('says the emblem side may belong to someone else when its period does not fit the age', () => {
    // Born 1949, 56 at issue in 2006: the card would be long-term, not 20 years.
    const mixed = person('p1', elder, twentyYears);
    const [warning] = warningsByPerson([mixed]).get('p1') ?? [];
    expect(warning?.kind).toBe('mismatched-faces');
    expect(warning?.message).toContain('应为长期');
  });

  it('leaves a period that is no lawful length to the field check', () => {
    const odd = face('back', { issue: '某局', valid_from: '2006-01-01', valid_to: '2013-01-01' });
    const mixed = person('p1', elder, odd);
    expect(warningsByPerson([mixed]).get('p1')).toEqual([]);
  });
});
