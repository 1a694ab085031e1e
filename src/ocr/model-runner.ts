import { stepTopClasses } from './ctc-decode.ts';

/**
 * The PP-OCR networks the pipeline runs: the detector, the recogniser, the angle classifier, and
 * `recFirst`, a smaller recogniser that reads every line first where one is loaded
 * (`first-reading.ts`).
 */
export type ModelName = 'det' | 'rec' | 'recFirst' | 'cls';

export type Tensor = {
  data: Float32Array;
  dims: readonly number[];
  /**
   * Only on an output asked for with `RunOptions.topK`: its last axis holds the k largest
   * entries of the network's, largest first, `indices` their places along the network's last
   * axis and `classes` that axis's length.
   */
  top?: { indices: Int32Array; classes: number };
};

/**
 * `topK`: cut each output to the k largest entries of its last axis (`shapeOutput`). The
 * recogniser answers 18,710 probabilities a step and CTC decoding reads the best few, so the
 * cut is made where the network ran, and a worker that ran part of a batch for another sends
 * back a few kilobytes a line instead of megabytes. A runner may answer whole outputs all the
 * same (a test's fake); the caller then cuts them itself.
 */
export type RunOptions = { topK?: number };

/**
 * Runs the networks on NCHW float tensors. The pipeline core only sees this interface; the
 * server implements it with onnxruntime-node.
 */
export type ModelRunner = {
  /** One input, its single output. */
  run(model: ModelName, input: Tensor, options?: RunOptions): Promise<Tensor>;
  /**
   * Independent inputs of any shapes, outputs in the same order. A runner may work on them in
   * parallel (the server spreads a batch over idle inference workers); each input is run as it
   * is, never padded to a common shape.
   */
  runBatch(model: ModelName, inputs: readonly Tensor[], options?: RunOptions): Promise<Tensor[]>;
};

/** An output as `RunOptions` asks for it: whole, or cut to the top k of its last axis. */
export function shapeOutput(output: Tensor, options: RunOptions = {}): Tensor {
  if (options.topK === undefined) return output;
  const classes = output.dims.at(-1) ?? 0;
  const rows = classes > 0 ? output.data.length / classes : 0;
  const top = stepTopClasses(output.data, rows, classes, options.topK);
  return {
    data: top.prob,
    dims: [...output.dims.slice(0, -1), options.topK],
    top: { indices: top.index, classes },
  };
}
