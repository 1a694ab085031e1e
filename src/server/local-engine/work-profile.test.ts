import { describe, expect, it } from 'vitest';
import type { ModelRunner, Tensor } from '../../ocr/model-runner.ts';
import { startJobProfile } from './work-profile.ts';

function line(width: number, value: number): Tensor {
  return { data: new Float32Array(3 * 48 * width).fill(value), dims: [1, 3, 48, width] };
}

const echo: ModelRunner = {
  run: async (_model, input) => input,
  runBatch: async (_model, inputs) => [...inputs],
};

describe('startJobProfile', () => {
  it('counts runs, inputs and their pixels per network', async () => {
    const profiler = startJobProfile();
    const runner = profiler.runner(echo);
    await runner.run('det', { data: new Float32Array(3 * 64 * 96), dims: [1, 3, 64, 96] });
    await runner.runBatch('rec', [line(100, 0.1), line(200, 0.2)]);
    const { models } = profiler.finish();
    expect(models.det).toMatchObject({ runs: 1, inputs: 1, pixels: 64 * 96, repeated: 0 });
    expect(models.rec).toMatchObject({ runs: 2, inputs: 2, pixels: 48 * 300, repeated: 0 });
    expect(models.cls.runs).toBe(0);
  });

  it('counts an input whose pixels were already run as repeated, and only that one', async () => {
    const profiler = startJobProfile();
    const runner = profiler.runner(echo);
    await runner.runBatch('rec', [line(120, 0.5), line(120, 0.25)]);
    await runner.runBatch('rec', [line(120, 0.5), line(160, 0.5)]);
    expect(profiler.finish().models.rec).toMatchObject({ inputs: 4, repeated: 1 });
  });

  it('times the decode it is handed and passes its result through', async () => {
    const profiler = startJobProfile();
    await expect(profiler.decode(async () => 'pixels')).resolves.toBe('pixels');
    const profile = profiler.finish();
    expect(profile.decodeCpuMs).toBeGreaterThanOrEqual(0);
    expect(profile.cpuMs).toBeGreaterThanOrEqual(profile.decodeCpuMs);
  });
});
