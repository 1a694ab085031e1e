import { describe, expect, it } from 'vitest';
import { localEngineHealth } from './engine-health.ts';
import { resolveModelSet } from './model-catalog.ts';

describe('localEngineHealth', () => {
  it('is not ready and names no models while the engine loads', () => {
    expect(localEngineHealth('local engine', 'loading', null)).toEqual({
      ready: false,
      upstream: 'local engine',
      engine: 'loading',
    });
  });

  it('names the PP-OCRv4 fallback and why, when the PyPI recogniser is not installed', async () => {
    const models = await resolveModelSet('ppocr-v6-small', '/nonexistent-models-folder');
    const report = localEngineHealth('local engine', 'loaded', models);
    expect(report.ready).toBe(true);
    expect(report.models?.rec).toMatch(/^PP-OCRv4 mobile rec/);
    expect(report.models_note).toMatch(/^PP-OCRv6 small not loaded/);
  });
});
