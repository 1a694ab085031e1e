/** The three PP-OCR networks the pipeline runs. */
export type ModelName = 'det' | 'rec' | 'cls';

export type Tensor = {
  data: Float32Array;
  dims: readonly number[];
};

/**
 * Runs one network on one NCHW float tensor and returns its single output. The pipeline core only
 * sees this interface; the server implements it with onnxruntime-node.
 */
export type ModelRunner = {
  run(model: ModelName, input: Tensor): Promise<Tensor>;
};
