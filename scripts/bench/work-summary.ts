import type { ModelName } from '../../src/ocr/model-runner.ts';
import type { JobProfile } from '../../src/server/local-engine/work-profile.ts';
import { percentile } from './summary.ts';

/** `--profile`: one image's work as the engine counted it, with the faces the image holds. */
export type ImageWork = { faces: number; profiles: JobProfile[] };

const MODELS: readonly ModelName[] = ['det', 'cls', 'recFirst', 'rec'];

export type ModelWorkPerFace = {
  runsPerFace: number;
  inputsPerFace: number;
  repeatedPerFace: number;
  /** Mean input pixels per input (height x width). */
  pixelsPerInput: number;
  cpuMsPerFace: number;
};

export type WorkSummary = {
  faces: number;
  cpuMsPerFace: { median: number; p90: number; mean: number };
  decodeCpuMsPerFace: number;
  /** CPU time outside decoding and the networks: crops, warps, post-processing, layout. */
  otherCpuMsPerFace: number;
  models: Record<ModelName, ModelWorkPerFace>;
};

/** Per-face figures over the images of a `--profile` run. */
export function summarizeWork(images: readonly ImageWork[]): WorkSummary {
  const faces = images.reduce((sum, image) => sum + image.faces, 0);
  const perFace = (pick: (profile: JobProfile) => number) =>
    images.reduce((sum, image) => sum + image.profiles.reduce((s, p) => s + pick(p), 0), 0) /
    Math.max(1, faces);
  const cpuPerFace = images.map(
    (image) => image.profiles.reduce((s, p) => s + p.cpuMs, 0) / Math.max(1, image.faces),
  );
  const models = Object.fromEntries(
    MODELS.map((model) => {
      const inputs = perFace((p) => p.models[model].inputs);
      return [
        model,
        {
          runsPerFace: perFace((p) => p.models[model].runs),
          inputsPerFace: inputs,
          repeatedPerFace: perFace((p) => p.models[model].repeated),
          pixelsPerInput: inputs > 0 ? perFace((p) => p.models[model].pixels) / inputs : 0,
          cpuMsPerFace: perFace((p) => p.models[model].cpuMs),
        },
      ];
    }),
  ) as Record<ModelName, ModelWorkPerFace>;
  const decode = perFace((p) => p.decodeCpuMs);
  const modelCpu = MODELS.reduce((sum, model) => sum + models[model].cpuMsPerFace, 0);
  return {
    faces,
    cpuMsPerFace: {
      median: percentile(cpuPerFace, 0.5),
      p90: percentile(cpuPerFace, 0.9),
      mean: perFace((p) => p.cpuMs),
    },
    decodeCpuMsPerFace: decode,
    otherCpuMsPerFace: perFace((p) => p.cpuMs) - decode - modelCpu,
    models,
  };
}

/** The `--profile` lines printed under an engine's summary. */
export function formatWorkSummary(work: WorkSummary): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const lines = [
    `work per face (CPU time of the process, images read one at a time; ${work.faces} faces)`,
    `  CPU: median ${ms(work.cpuMsPerFace.median)}, p90 ${ms(work.cpuMsPerFace.p90)}, mean ${ms(work.cpuMsPerFace.mean)}`,
    `  decode ${ms(work.decodeCpuMsPerFace)}, other (crops, warps, post-processing, layout) ${ms(work.otherCpuMsPerFace)}`,
  ];
  for (const model of MODELS) {
    const m = work.models[model];
    lines.push(
      `  ${model}: ${ms(m.cpuMsPerFace)}, ${m.inputsPerFace.toFixed(2)} inputs in ${m.runsPerFace.toFixed(2)} runs, ` +
        `${Math.round(m.pixelsPerInput)} px each, ${m.repeatedPerFace.toFixed(2)} repeated`,
    );
  }
  return lines.join('\n');
}
