import { describe, expect, it } from 'vitest';
import type { Face } from '../people/person.ts';
import { testFace } from '../people/test-face.ts';
import { isUnreadFace } from './unread-face.ts';

const face = (side: Face['side'], recognised: Face['recognised']) => testFace(side, recognised);

describe('a face the engine could not read', () => {
  it('is one with every field of its side empty', () => {
    expect(
      isUnreadFace(
        face('front', { name: '', sex: '', ethnicity: '', birth: '', address: '', number: '' }),
      ),
    ).toBe(true);
    expect(isUnreadFace(face('back', {}))).toBe(true);
  });

  it('is not one with any field read, even a doubtful one', () => {
    expect(isUnreadFace(face('back', { issue: '', valid_from: '', valid_to: '长期' }))).toBe(false);
    expect(isUnreadFace(face('front', { number: '1101051990' }))).toBe(false);
  });
});
