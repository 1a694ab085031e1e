import { describe, expect, it } from 'vitest';
import { parseCharset } from './font-coverage.ts';

describe('parseCharset', () => {
  it('reads fontconfig ranges and single code points', () => {
    expect(parseCharset('20-7e a0 4e00-9fff 2b740-2b81d\n')).toEqual([
      [0x20, 0x7e],
      [0xa0, 0xa0],
      [0x4e00, 0x9fff],
      [0x2b740, 0x2b81d],
    ]);
  });

  it('refuses what is not a range', () => {
    expect(() => parseCharset('zz-7e')).toThrow(/bad charset range/);
  });
});
