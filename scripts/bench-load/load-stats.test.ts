import { describe, expect, it } from 'vitest';
import {
  formatOutcomes,
  growthPercent,
  type LoadSample,
  percentile,
  summarizeLoad,
} from './load-stats.ts';

const sample = (status: number, latencyMs: number, code = '', faces = 1): LoadSample => ({
  status,
  code,
  faces,
  latencyMs,
});

describe('load statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.9)).toBe(90);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBe(0);
  });

  it('counts only faces answered with 200 as goodput, and latencies of 200s only', () => {
    const stats = summarizeLoad(
      [
        sample(200, 100),
        sample(200, 300, '', 2),
        sample(429, 1, 'ModelArts.4401'),
        sample(429, 2, 'ModelArts.4401'),
        sample(0, 5, 'ECONNRESET'),
      ],
      2000,
    );
    expect(stats.facesPerSecond).toBe(1.5);
    expect(stats.p50Ms).toBe(100);
    expect(stats.p99Ms).toBe(300);
    expect(formatOutcomes(stats.outcomes)).toBe('0 ECONNRESET: 1, 200: 2, 429 ModelArts.4401: 2');
  });

  it('says how much a reading grew', () => {
    expect(growthPercent(500, 550)).toBeCloseTo(10);
    expect(growthPercent(500, 450)).toBeCloseTo(-10);
  });
});
