import type { Quad } from '../idcard/api-contract.ts';
import { ctcDecodeSteps, type DecodedLine, decoderTopK } from './ctc-decode.ts';
import { type DetectedBox, dbPostprocess } from './db-postprocess.ts';
import { detInput } from './det-preprocess.ts';
import { settledByFirstReading } from './first-reading.ts';
import { cropLine, recInput, writeLineTensor } from './line-crop.ts';
import { type ModelRunner, type RunOptions, shapeOutput, type Tensor } from './model-runner.ts';
import { CLS_PARAMS, DET_PARAMS, REC_PARAMS } from './ocr-params.ts';
import type { RgbImage } from './rgb-image.ts';

/** The three PP-OCR stages, each preprocess -> run -> postprocess over the model runner. */

export type TextModels = {
  runner: ModelRunner;
  /** `loadCharset` of the recogniser's dictionary file. */
  charset: readonly string[];
  /** `loadCharset` of the first reader's dictionary, where one is loaded (`first-reading.ts`). */
  firstCharset?: readonly string[];
};

/** A recogniser read with another model's dictionary would spell wrong characters silently. */
export class CharsetMismatchError extends Error {
  constructor(classes: number, charset: number) {
    super(`the recogniser answers ${classes} classes, its charset has ${charset}`);
    this.name = 'CharsetMismatchError';
  }
}

/** DB text detection; boxes come back in `image` pixels. */
export async function detectText(
  image: RgbImage,
  models: TextModels,
  limitSideLen: number = DET_PARAMS.limitSideLen,
): Promise<DetectedBox[]> {
  const output = await models.runner.run('det', detInput(image, limitSideLen));
  const [, , height, width] = output.dims as [number, number, number, number];
  return dbPostprocess({ data: output.data, width, height }, image);
}

/** The recogniser's outputs come back cut to what CTC decoding reads (`RunOptions.topK`). */
const REC_OUTPUT: RunOptions = { topK: decoderTopK(REC_PARAMS.alternatives) };

function decodeLine(input: Tensor, answer: Tensor, charset: readonly string[]): DecodedLine {
  // A runner that ignores `topK` (a test's) answers whole outputs; they are cut here instead.
  const output = answer.top ? answer : shapeOutput(answer, REC_OUTPUT);
  const steps = output.dims[1] as number;
  const { classes, indices } = output.top as NonNullable<Tensor['top']>;
  if (classes !== charset.length) throw new CharsetMismatchError(classes, charset.length);
  const inputWidth = input.dims[3] as number;
  const stepsPerLineHeight = (steps * REC_PARAMS.imageHeight) / inputWidth;
  const top = { steps, k: output.dims[2] as number, index: indices, prob: output.data };
  return ctcDecodeSteps(top, charset, REC_PARAMS.alternatives, stepsPerLineHeight);
}

/** CTC recognition of one line, unpadded (faster here than PaddleOCR's padded batches). */
export async function recognizeLine(
  image: RgbImage,
  box: Quad,
  models: TextModels,
): Promise<DecodedLine> {
  const input = recInput(image, box);
  return decodeLine(input, await models.runner.run('rec', input, REC_OUTPUT), models.charset);
}

async function readBatch(
  inputs: readonly Tensor[],
  models: TextModels,
  model: 'rec' | 'recFirst',
  charset: readonly string[],
): Promise<DecodedLine[]> {
  if (inputs.length === 0) return [];
  const outputs = await models.runner.runBatch(model, inputs, REC_OUTPUT);
  return inputs.map((input, i) => decodeLine(input, outputs[i] as Tensor, charset));
}

/**
 * CTC recognition of several lines as one batch: each line keeps its own width (no padding), and
 * the runner may recognise them in parallel. Where a first reader is loaded it reads the lines
 * first, and only those it does not settle (`settledByFirstReading`) go to the recogniser;
 * `firstReader` says which lines it reads at all (every line, none, or one flag per line): a
 * line known to hold free text goes to the recogniser straight away, as the first reader never
 * settles it.
 */
export async function recognizeLines(
  image: RgbImage,
  boxes: readonly Quad[],
  models: TextModels,
  { firstReader = true }: { firstReader?: boolean | readonly boolean[] } = {},
): Promise<DecodedLine[]> {
  const inputs = boxes.map((box) => recInput(image, box));
  const { firstCharset } = models;
  const readsFirst = (i: number) =>
    firstCharset !== undefined &&
    (typeof firstReader === 'boolean' ? firstReader : (firstReader[i] ?? true));
  const firstRead = inputs.flatMap((_, i) => (readsFirst(i) ? [i] : []));
  const first = await readBatch(
    firstRead.map((i) => inputs[i] as Tensor),
    models,
    'recFirst',
    firstCharset ?? [],
  );
  const readings = new Array<DecodedLine | undefined>(inputs.length);
  firstRead.forEach((index, k) => {
    const line = first[k] as DecodedLine;
    if (settledByFirstReading(line)) readings[index] = line;
  });
  const unsettled = inputs.flatMap((_, i) => (readings[i] === undefined ? [i] : []));
  const again = await readBatch(
    unsettled.map((i) => inputs[i] as Tensor),
    models,
    'rec',
    models.charset,
  );
  unsettled.forEach((index, k) => {
    readings[index] = again[k] as DecodedLine;
  });
  return readings as DecodedLine[];
}

/**
 * The angle classifier on a batch of lines: for each, whether '180' wins with at least
 * `CLS_PARAMS.thresh` (PaddleOCR's rule for turning a line), or null when neither is that sure.
 */
export async function classifyUpsideDown(
  image: RgbImage,
  boxes: Quad[],
  models: TextModels,
): Promise<(boolean | null)[]> {
  if (boxes.length === 0) return [];
  const { imageHeight, imageWidth, thresh } = CLS_PARAMS;
  const size = 3 * imageHeight * imageWidth;
  const data = new Float32Array(boxes.length * size);
  boxes.forEach((box, i) => {
    writeLineTensor(cropLine(image, box, imageHeight, imageWidth), data, i * size, imageWidth);
  });
  const output = await models.runner.run('cls', {
    data,
    dims: [boxes.length, 3, imageHeight, imageWidth],
  });
  return boxes.map((_, i) => {
    const upright = output.data[2 * i] as number;
    const flipped = output.data[2 * i + 1] as number;
    if (flipped >= thresh) return true;
    if (upright >= thresh) return false;
    return null;
  });
}
