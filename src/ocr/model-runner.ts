/** The three PP-OCR networks the pipeline runs. */
export type ModelName = 'det' | 'rec' | 'cls';

export type Tensor = {
  data: Float32Array;
  dims: readonly number[];
};

/**
 * Runs the networks on NCHW float tensors. The pipeline core only sees this interface; the
 * server implements it with onnxruntime-node.
 */
export type ModelRunner = {
  /** One input, its single output. */
  run(model: ModelName, input: Tensor): Promise<Tensor>;
  /**
   * Independent inputs of any shapes, outputs in the same order. A runner may work on them in
   * parallel (the server spreads a batch over idle inference workers); each input is run as it
   * is, never padded to a common shape.
   */
  runBatch(model: ModelName, inputs: readonly Tensor[]): Promise<Tensor[]>;
};
