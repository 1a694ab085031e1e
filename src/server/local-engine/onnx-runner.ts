import { readFile } from 'node:fs/promises';
import ort from 'onnxruntime-node';
import {
  type ModelName,
  type ModelRunner,
  type RunOptions,
  shapeOutput,
  type Tensor,
} from '../../ocr/model-runner.ts';
import type { ModelSet } from './model-catalog.ts';

/** The only module that touches onnxruntime-node: PP-OCR sessions behind `ModelRunner`. */

/** The recogniser's dictionary file, one character per line. */
export function readDictionary(models: ModelSet): Promise<string> {
  return readFile(models.dictionary, 'utf8');
}

/** The first reader's dictionary file, where one is loaded. */
export async function readFirstDictionary(models: ModelSet): Promise<string | undefined> {
  return models.recFirst && readFile(models.recFirst.dictionary, 'utf8');
}

export type OnnxRunner = ModelRunner & { close(): Promise<void> };

/**
 * Whether a network's session keeps ONNX Runtime's CPU arena. The arena keeps every block it
 * ever handed out for the next run of the same size; the recogniser's input changes width with
 * every line, so its arena only grows (two workers' recogniser and classifier arenas held about
 * 45 MiB of the server's memory) and runs no faster for it. The detector's few input sizes reuse
 * their blocks, and without the arena each detection asks the system for its large buffers
 * afresh (about 20 % more CPU per detection).
 */
const KEEPS_ARENA: Record<ModelName, boolean> = {
  det: true,
  rec: false,
  recFirst: false,
  cls: false,
};

function sessionOptions(model: ModelName, threads: number): ort.InferenceSession.SessionOptions {
  return {
    executionProviders: ['cpu'],
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    // Memory patterns are planned per input shape, and every line has its own width: with them
    // the engine peaked at 579 MiB on the generated set, without them at 527 MiB, no slower.
    enableMemPattern: false,
    enableCpuMemArena: KEEPS_ARENA[model],
    // Threads that spin after a run take a core from the other workers' jobs (81 ms of CPU per
    // two-thread detection instead of 56, for 8 ms less latency).
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  };
}

/** The model file of each network the set holds (`recFirst` only where one is loaded). */
function modelFiles(models: ModelSet): [ModelName, string][] {
  const files: [ModelName, string][] = [
    ['det', models.det],
    ['rec', models.rec],
    ['cls', models.cls],
  ];
  if (models.recFirst) files.push(['recFirst', models.recFirst.model]);
  return files;
}

/**
 * Loads the networks once (the first reader too, where the set has one). Recognition and the
 * angle classifier run on `threads` threads (1 by default: on this class of machine several
 * single-threaded workers outrun one multi-threaded session, and a recognition batch is shared
 * between workers instead, see `shared-inference.ts`); the detector on `detThreads`, because its
 * one large input splits well over threads (34 ms on two threads against 44 ms on one at
 * 512 x 384).
 */
export async function createOnnxRunner({
  models,
  threads = 1,
  detThreads = threads,
}: {
  models: ModelSet;
  threads?: number;
  detThreads?: number;
}): Promise<OnnxRunner> {
  const sessions = new Map(
    await Promise.all(
      modelFiles(models).map(async ([name, file]) => {
        const options = sessionOptions(name, name === 'det' ? detThreads : threads);
        return [name, await ort.InferenceSession.create(file, options)] as const;
      }),
    ),
  );
  const run = async (model: ModelName, input: Tensor, options?: RunOptions): Promise<Tensor> => {
    const session = sessions.get(model);
    if (!session) throw new Error(`model ${model} is not loaded`);
    const feeds = {
      [session.inputNames[0] as string]: new ort.Tensor('float32', input.data, input.dims),
    };
    const results = await session.run(feeds);
    const output = results[session.outputNames[0] as string];
    if (!output || !(output.data instanceof Float32Array)) {
      throw new Error(`model ${model} returned no float32 output`);
    }
    return shapeOutput({ data: output.data, dims: output.dims }, options);
  };
  return {
    run,
    async runBatch(
      model: ModelName,
      inputs: readonly Tensor[],
      options?: RunOptions,
    ): Promise<Tensor[]> {
      // One call per input: padding lines to a common width cost more than it saved (DESIGN.md).
      const outputs: Tensor[] = [];
      for (const input of inputs) outputs.push(await run(model, input, options));
      return outputs;
    },
    async close(): Promise<void> {
      await Promise.all([...sessions.values()].map((session) => session.release()));
    },
  };
}
