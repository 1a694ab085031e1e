import type { ModelName, ModelRunner, Tensor } from '../../ocr/model-runner.ts';

/**
 * What one job cost, counted rather than timed where it can be: on a machine shared with other
 * work, wall-clock latency varies by a fifth from run to run, while CPU time and the number and
 * size of network runs do not. CPU time is the process's (`process.cpuUsage`), so it is the
 * job's own only when the engine reads one image at a time, as `npm run bench -- --profile` does;
 * it includes the share of a batch another worker ran for this one.
 */
export type ModelWork = {
  /** Calls of the network: a batch counts one per input, as the ONNX runner runs each alone. */
  runs: number;
  /** Inputs it was given (lines for the recogniser, images for the detector). */
  inputs: number;
  /** Input pixels (height x width summed over inputs). */
  pixels: number;
  /** Inputs whose pixels were exactly those of an earlier input of the same job. */
  repeated: number;
  cpuMs: number;
};

export type JobProfile = {
  /** CPU time of the whole job, decoding and layout included. */
  cpuMs: number;
  wallMs: number;
  /** CPU time of decoding the photo. */
  decodeCpuMs: number;
  models: Record<ModelName, ModelWork>;
};

function cpuMsNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** FNV-1a over a tensor's dimensions and values: tells inputs read twice apart from new ones. */
function fingerprint(input: Tensor): string {
  let hash = 0x811c9dc5;
  const words = new Uint32Array(input.data.buffer, input.data.byteOffset, input.data.length);
  for (let i = 0; i < words.length; i++) {
    hash = Math.imul(hash ^ (words[i] as number), 0x01000193);
  }
  return `${input.dims.join('x')}:${(hash >>> 0).toString(16)}`;
}

function emptyWork(): ModelWork {
  return { runs: 0, inputs: 0, pixels: 0, repeated: 0, cpuMs: 0 };
}

/** Records one job's work: wrap its runner, time its decode, read the totals at the end. */
export function startJobProfile() {
  const startedCpu = cpuMsNow();
  const startedWall = performance.now();
  const models: Record<ModelName, ModelWork> = {
    det: emptyWork(),
    rec: emptyWork(),
    recFirst: emptyWork(),
    cls: emptyWork(),
  };
  const seen = new Set<string>();
  let decodeCpuMs = 0;

  const count = (model: ModelName, inputs: readonly Tensor[], runs: number, cpuMs: number) => {
    const work = models[model];
    work.runs += runs;
    work.cpuMs += cpuMs;
    for (const input of inputs) {
      work.inputs += input.dims[0] ?? 1;
      work.pixels += (input.dims[0] ?? 1) * (input.dims[2] ?? 0) * (input.dims[3] ?? 0);
      const key = `${model}:${fingerprint(input)}`;
      if (seen.has(key)) work.repeated += 1;
      seen.add(key);
    }
  };

  return {
    runner(runner: ModelRunner): ModelRunner {
      return {
        async run(model, input, options) {
          const before = cpuMsNow();
          const output = await runner.run(model, input, options);
          count(model, [input], 1, cpuMsNow() - before);
          return output;
        },
        async runBatch(model, inputs, options) {
          const before = cpuMsNow();
          const outputs = await runner.runBatch(model, inputs, options);
          count(model, inputs, inputs.length, cpuMsNow() - before);
          return outputs;
        },
      };
    },
    async decode<T>(decoding: () => Promise<T>): Promise<T> {
      const before = cpuMsNow();
      try {
        return await decoding();
      } finally {
        decodeCpuMs += cpuMsNow() - before;
      }
    },
    finish(): JobProfile {
      return {
        cpuMs: cpuMsNow() - startedCpu,
        wallMs: performance.now() - startedWall,
        decodeCpuMs,
        models,
      };
    },
  };
}

export type JobProfiler = ReturnType<typeof startJobProfile>;
