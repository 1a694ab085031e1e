import { describe, expect, it } from 'vitest';
import { byteHistogram, levelAtShare } from './byte-histogram.ts';

describe('a histogram of byte values', () => {
  it('counts one channel of RGB pixels', () => {
    const pixels = Uint8Array.from([10, 200, 30, 10, 201, 30, 12, 200, 31]);
    const red = byteHistogram(pixels, 0, 3);
    expect(red[10]).toBe(2);
    expect(red[12]).toBe(1);
    expect(red.reduce((sum, count) => sum + count, 0)).toBe(3);
  });

  it('gives the lowest value below which a share of the counts lie', () => {
    const histogram = byteHistogram(Uint8Array.from([0, 0, 50, 100, 100, 100, 200, 255]));
    expect(levelAtShare(histogram, 0.25)).toBe(0);
    expect(levelAtShare(histogram, 0.5)).toBe(100);
    expect(levelAtShare(histogram, 0.8)).toBe(200);
    expect(levelAtShare(histogram, 1)).toBe(255);
  });
});
