import type { Quad } from '../idcard/api-contract.ts';
import { ctcDecodeSteps, type DecodedLine, decoderTopK } from './ctc-decode.ts';
import { type DetectedBox, dbPostprocess } from './db-postprocess.ts';
import { detInput } from './det-preprocess.ts';
import { settledByFirstReading, standsWithoutRecogniser } from './first-reading.ts';
import { inkLifted } from './ink-separation.ts';
import { cropLine, lineTensor, recCrop, writeLineTensor } from './line-crop.ts';
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

/**
 * A line as the recogniser read it; `inkSeparated` where the reading was taken from its crop with
 * a mark's ink lifted off (`liftInk`): a mark stood there, though its wording was not read;
 * `markInk` where the crop read nothing with the ink lifted off: every character read is a mark's;
 * `liftedReading`, the reading with the ink lifted off where the reading as it is stood.
 */
export type LineReading = DecodedLine & {
  inkSeparated?: true;
  markInk?: true;
  liftedReading?: DecodedLine;
};

/**
 * A crop whose lifted reading holds fewer characters than this (each counted at its probability)
 * read nothing but the mark's ink: the recogniser's stray reading of an empty crop is one
 * unsure character at most.
 */
const NOTHING_READ = 0.5;

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

/** CTC recognition of one line, unpadded, as PaddleOCR crops it (no ink separation). */
export async function recognizeLine(
  image: RgbImage,
  box: Quad,
  models: TextModels,
): Promise<DecodedLine> {
  const input = lineTensor(recCrop(image, box));
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
 * The lines read by the first reader where `readsFirst` says so, and by the recogniser where it
 * does not or the first reader's reading does not stand (`standsWithoutRecogniser`).
 */
async function readInputs(
  inputs: readonly Tensor[],
  models: TextModels,
  readsFirst: (index: number) => boolean,
): Promise<DecodedLine[]> {
  const { firstCharset } = models;
  const firstRead = inputs.flatMap((_, i) =>
    firstCharset !== undefined && readsFirst(i) ? [i] : [],
  );
  const first = await readBatch(
    firstRead.map((i) => inputs[i] as Tensor),
    models,
    'recFirst',
    firstCharset ?? [],
  );
  const readings = new Array<DecodedLine | undefined>(inputs.length);
  firstRead.forEach((index, k) => {
    const line = first[k] as DecodedLine;
    if (standsWithoutRecogniser(line)) readings[index] = line;
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

/** How many characters a reading holds, each counted at its probability. */
export function readCharacters(line: DecodedLine): number {
  return line.chars.reduce((sum, char) => sum + char.prob, 0);
}

/**
 * CTC recognition of several lines as one batch: each line keeps its own width (no padding), and
 * the runner may recognise them in parallel. Where a first reader is loaded it reads the lines
 * first, and only those whose reading does not stand (`standsWithoutRecogniser`) go to the
 * recogniser; `firstReader` says which lines it reads at all (every line, none, or one flag per
 * line): a line known to hold free text goes to the recogniser straight away, as the first reader
 * never settles it.
 *
 * A line whose crop holds a mark's ink is read twice, as it is and with the ink lifted off
 * (`inkLifted`), and the reading that holds more characters (each counted at its probability)
 * stands: lifting the ink off a line crossed by a mark gives back the print it hid
 * (五莲县公安局 where the crop as it was read 五莲公), while a box holding the mark itself reads
 * its wording best as it is (样证 of a stamp, which the layout then cuts by its wording). On the
 * marked template cards the mean probability chose worse: a reading that lost characters under a
 * mark is no less sure of those it kept. A line whose lifted crop reads the same text stays as it
 * was read without ink separation, unflagged: generated cards print 公民身份号码 in a blue as
 * saturated as a pen's (96, 128, 192), which the lifted crop reads again a little surer; such a
 * line, read surely as one of the card's closed forms (`settledByFirstReading`), is not read
 * again at all, which on the generated sets saves most of the second reads. A line whose lifted
 * crop reads nothing is flagged `markInk` (all it read was the mark's), and one whose lifted
 * reading did not stand keeps it as `liftedReading`, for the face's layout to weigh
 * (`withLiftedReadings`, `lookAtUnboxed`).
 */
export async function recognizeLines(
  image: RgbImage,
  boxes: readonly Quad[],
  models: TextModels,
  { firstReader = true }: { firstReader?: boolean | readonly boolean[] } = {},
): Promise<LineReading[]> {
  const crops = boxes.map((box) => recCrop(image, box));
  const readsFirst = (i: number) =>
    typeof firstReader === 'boolean' ? firstReader : (firstReader[i] ?? true);
  const lines: LineReading[] = await readInputs(crops.map(lineTensor), models, readsFirst);
  // A line read surely as one of the card's closed forms (a label, a date, the number) has lost
  // nothing under the ink, and a box that reads as nothing at all holds no print to give back (a
  // piece of the photo or the emblem); the rest are looked at for ink, and read again lifted.
  const inked = crops.flatMap((crop, i) => {
    const asIs = lines[i] as DecodedLine;
    if (asIs.text === '' || settledByFirstReading(asIs)) return [];
    const liftedCrop = inkLifted(crop);
    return liftedCrop === null ? [] : [{ line: i, liftedCrop }];
  });
  const lifted = await readInputs(
    inked.map(({ liftedCrop }) => lineTensor(liftedCrop)),
    models,
    (k) => readsFirst(inked[k]?.line as number),
  );
  inked.forEach(({ line: i }, k) => {
    const asIs = lines[i] as DecodedLine;
    const inkless = lifted[k] as DecodedLine;
    const gained = inkless.text !== asIs.text && readCharacters(inkless) > readCharacters(asIs);
    if (gained) lines[i] = { ...inkless, inkSeparated: true };
    else if (readCharacters(inkless) < NOTHING_READ) lines[i] = { ...asIs, markInk: true };
    else if (inkless.text !== asIs.text) lines[i] = { ...asIs, liftedReading: inkless };
  });
  return lines;
}

/**
 * CTC recognition of crops already cut to the recogniser's height (`recCrop`) and prepared by the
 * caller, by the recogniser alone and with no ink separation.
 */
export async function recognizeCrops(
  crops: readonly RgbImage[],
  models: TextModels,
): Promise<DecodedLine[]> {
  return readBatch(crops.map(lineTensor), models, 'rec', models.charset);
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
