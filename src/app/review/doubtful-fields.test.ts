import { describe, expect, it } from 'vitest';
import type { Face, FieldValues, Person } from '../people/person.ts';
import { testFace } from '../people/test-face.ts';
import { doubtfulFields, personNotes } from './doubtful-fields.ts';

const TODAY = '2026-06-01';
// 11010519491231002X is the specimen number published with GB 11643-1999.
const specimen: FieldValues = {
  name: '某人',
  sex: '女',
  ethnicity: '汉',
  birth: '1949-12-31',
  address: '北京市朝阳区',
  number: '11010519491231002X',
};

const front = (change: Partial<Face> = {}): Face => testFace('front', specimen, change);

const person = (face: Face): Person => ({
  id: 'p1',
  intakeId: 'drop',
  front: face,
  back: null,
  pendingJobIds: [],
  checked: false,
});

function doubtful(face: Face): string[] {
  const who = person(face);
  return [...doubtfulFields(who, personNotes(who, TODAY))];
}

describe('doubtfulFields', () => {
  it('names nothing on a sure, consistent face, and nothing of the missing face', () => {
    expect(doubtful(front({ confidence: { name: 0.99 } }))).toEqual([]);
  });

  it('names a field read below 0.9 until the clerk edits it', () => {
    expect(doubtful(front({ confidence: { name: 0.6 } }))).toEqual(['name']);
    expect(doubtful(front({ confidence: { name: 0.6 }, edits: { name: '某人' } }))).toEqual([]);
  });

  it('names a field the card rules speak against, edited or not', () => {
    expect(doubtful(front({ edits: { birth: '1949-12-30' } }))).toEqual(['birth']);
  });
});
