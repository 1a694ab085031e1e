import { ENGINE_REC } from './ocr-params.ts';
import type { RecognizedChar } from './recognized-line.ts';

/**
 * PaddleOCR's `CTCLabelDecode` character list: index 0 is the CTC blank, then one character per
 * dictionary line (`\n` or `\r\n` stripped), then the space that `use_space_char=True` appends.
 */
export function loadCharset(dictionary: string): string[] {
  const lines = dictionary.split('\n').map((line) => line.replace(/\r$/, ''));
  if (lines.at(-1) === '') lines.pop();
  return ['blank', ...lines, ' '];
}

export type DecodedLine = {
  text: string;
  /** Mean probability of the emitted characters, 0 when none (as PaddleOCR). */
  score: number;
  chars: RecognizedChar[];
};

const BLANK = 0;

/** The strongest non-blank class of a step that the blank won: a character the decoder hid. */
type Hidden = { step: number; before: number; char: RecognizedChar };

function centreOf(char: RecognizedChar, steps: number): number {
  const span = char.span ?? { start: 0, end: 0 };
  return ((span.start + span.end) / 2) * steps;
}

/** Rare characters are Han ones: a hidden Latin letter or mark is noise from the background. */
const HAN = /^\p{Script=Han}$/u;
/** A line needs this many characters of its own before a gap in it means anything. */
const MIN_EMITTED = 2;

/**
 * Keeps the hidden Han characters that sit between Han characters (or at a line's end next to
 * one) with room around them: at least `hiddenCharRoom` of a character pitch from the centres of
 * the characters emitted on either side, or from the line's ends taken as half a pitch outside
 * the line. Between characters set at their usual pitch there is no such room, so only a gap a
 * character was dropped from qualifies; lines of noise (a few stray letters) are left alone.
 */
function withRoom(
  chars: RecognizedChar[],
  hidden: readonly Hidden[],
  steps: number,
  stepsPerLineHeight: number,
): RecognizedChar[] {
  if (chars.length < MIN_EMITTED) return chars;
  const pitch = ENGINE_REC.charPitch * stepsPerLineHeight;
  const room = ENGINE_REC.hiddenCharRoom * pitch;
  const out = chars.slice();
  for (const { step, before, char } of hidden.slice().reverse()) {
    const previous = chars[before - 1];
    const next = chars[before];
    const amongHan = [char, previous, next].every((c) => c === undefined || HAN.test(c.char));
    // A line's end is taken as half a pitch outside it; a box reaching past its text (a label's
    // box over the gap before its value) leaves less room there than a dropped character does.
    const from = previous ? centreOf(previous, steps) : -pitch / 2;
    const to = next ? centreOf(next, steps) : steps + pitch / 2;
    const centre = step + 0.5;
    const roomBefore = previous ? room : ENGINE_REC.hiddenCharEndRoom * pitch;
    const roomAfter = next ? room : ENGINE_REC.hiddenCharEndRoom * pitch;
    if (amongHan && centre - from >= roomBefore && to - centre >= roomAfter) {
      out.splice(before, 0, char);
    }
  }
  return out;
}

/**
 * The `k` most likely classes of each step of a `steps x classes` output, most likely first: all
 * the CTC decoder looks at. Ties keep the lower class first. The scan over every class is the
 * decoder's cost (PP-OCRv6 has 18,710), so the runner that ran the recogniser does it there and
 * hands on `steps x k` numbers instead of the whole output (`RunOptions.topK`).
 */
export type StepClasses = {
  steps: number;
  k: number;
  /** `steps x k` class indices, -1 where the output has fewer than k classes. */
  index: Int32Array;
  /** Their probabilities, -1 alongside an index of -1. */
  prob: Float32Array;
};

/**
 * Classes a step's scan compares with the weakest kept probability in one test. Nearly every
 * class lies below it, so testing a block at once and looking inside only the rare block that
 * holds a stronger one halves the scan's time.
 */
const SCAN_BLOCK = 8;

/** Where one step's kept classes lie in `StepClasses.index` and `prob`: `[top, last]`. */
type KeptSlots = { index: Int32Array; prob: Float32Array; top: number; last: number };

/**
 * Puts class `c` of probability `p` (above the weakest kept) in its place among the kept
 * classes, after any of equal probability, and answers the new weakest kept probability.
 */
function keepClass(kept: KeptSlots, c: number, p: number): number {
  const { index, prob, top, last } = kept;
  let j = last;
  while (j > top && p > (prob[j - 1] as number)) {
    prob[j] = prob[j - 1] as number;
    index[j] = index[j - 1] as number;
    j--;
  }
  prob[j] = p;
  index[j] = c;
  return prob[last] as number;
}

/** Keeps the classes of `row` from `from` up to `to` that beat `floor`; answers the new floor. */
function scanClasses(
  row: Float32Array,
  from: number,
  to: number,
  floor: number,
  kept: KeptSlots,
): number {
  let weakest = floor;
  for (let c = from; c < to; c++) {
    const p = row[c] as number;
    if (p <= weakest) continue;
    weakest = keepClass(kept, c, p);
  }
  return weakest;
}

/** Whether any of the `SCAN_BLOCK` classes from `from` beats `floor`. */
function blockBeats(row: Float32Array, from: number, floor: number): boolean {
  return !(
    (row[from] as number) <= floor &&
    (row[from + 1] as number) <= floor &&
    (row[from + 2] as number) <= floor &&
    (row[from + 3] as number) <= floor &&
    (row[from + 4] as number) <= floor &&
    (row[from + 5] as number) <= floor &&
    (row[from + 6] as number) <= floor &&
    (row[from + 7] as number) <= floor
  );
}

export function stepTopClasses(
  probs: Float32Array,
  steps: number,
  classes: number,
  k: number,
): StepClasses {
  const index = new Int32Array(steps * k).fill(-1);
  const prob = new Float32Array(steps * k).fill(-1);
  for (let t = 0; t < steps; t++) {
    const row = probs.subarray(t * classes, (t + 1) * classes);
    const kept = { index, prob, top: t * k, last: t * k + k - 1 };
    // The weakest kept probability: below it a class is passed over.
    let floor = -1;
    let c = 0;
    for (; c + SCAN_BLOCK <= classes; c += SCAN_BLOCK) {
      if (blockBeats(row, c, floor)) floor = scanClasses(row, c, c + SCAN_BLOCK, floor, kept);
    }
    scanClasses(row, c, classes, floor, kept);
  }
  return { steps, k, index, prob };
}

/** The classes `ctcDecodeSteps` needs per step: the alternatives, the chosen class and the blank. */
export function decoderTopK(alternatives: number): number {
  return alternatives + 2;
}

/**
 * Greedy CTC decoding of one line's `steps x classes` probabilities (`ctcDecodeSteps` over
 * `stepTopClasses`).
 */
export function ctcDecode(
  probs: Float32Array,
  steps: number,
  charset: readonly string[],
  alternatives: number,
  stepsPerLineHeight?: number,
): DecodedLine {
  const top = stepTopClasses(probs, steps, charset.length, decoderTopK(alternatives));
  return ctcDecodeSteps(top, charset, alternatives, stepsPerLineHeight);
}

/**
 * Greedy CTC decoding of one line from the most likely classes of each step (`stepTopClasses`,
 * at least `decoderTopK(alternatives)` of them): take the most likely class at each step, merge repeats, drop blanks. A character's probability is that of the first step
 * of its run (PaddleOCR keeps the first); its alternatives are the other non-blank classes with
 * their best probability over the run, most likely first; its span is where its run lies along
 * the line (each step covers an equal share of the recogniser's input width).
 *
 * Beyond PaddleOCR: a rare character the recogniser is unsure of can lose every step to the
 * blank and vanish, leaving a gap (高永 for 高永韫, with 韫 at 0.24 under a 0.6 blank). Given
 * `stepsPerLineHeight` (the input height in output steps, which sets the character pitch), a
 * blank run's strongest step whose non-blank share reaches `ENGINE_REC.hiddenCharMass` is
 * emitted as a character, at its own low probability, when the gap has room for it.
 */
export function ctcDecodeSteps(
  top: StepClasses,
  charset: readonly string[],
  alternatives: number,
  stepsPerLineHeight?: number,
): DecodedLine {
  const { steps } = top;
  const kept = decoderTopK(alternatives);
  if (top.k < kept) throw new Error(`CTC decoding needs the top ${kept} classes of each step`);
  // The most likely classes of the step being decoded, blank included.
  let topIndex = top.index;
  let topProb = top.prob;
  let chars: RecognizedChar[] = [];
  const hidden: Hidden[] = [];
  let previous = BLANK;
  let runBest: Map<number, number> | null = null;
  let runStart = 0;
  let blankRunHidden: Hidden | null = null;
  // A run ends at step `end`: its span is [runStart, end) over the line's steps.
  const finishRun = (end: number) => {
    const current = chars.at(-1);
    if (!current || !runBest) return;
    current.span = { start: runStart / steps, end: end / steps };
    current.alternatives = [...runBest]
      .sort((a, b) => b[1] - a[1])
      .slice(0, alternatives)
      .map(([index, prob]) => ({ char: charset[index] as string, prob }));
  };
  const rankedNonBlank = (from: number) =>
    Array.from(topIndex.subarray(from), (index, k) => ({
      index,
      prob: topProb[from + k] as number,
    }))
      .filter(({ index }) => index > BLANK)
      .map(({ index, prob }) => ({ char: charset[index] as string, prob }));
  for (let t = 0; t < steps; t++) {
    topIndex = top.index.subarray(t * top.k, t * top.k + kept);
    topProb = top.prob.subarray(t * top.k, t * top.k + kept);
    const best = topIndex[0] as number;
    if (best !== previous) {
      finishRun(t);
      runBest = null;
      if (blankRunHidden) hidden.push(blankRunHidden);
      blankRunHidden = null;
      if (best !== BLANK) {
        chars.push({ char: charset[best] as string, prob: topProb[0] as number, alternatives: [] });
        runBest = new Map();
        runStart = t;
      }
    }
    if (runBest) {
      for (let k = 1; k < topIndex.length; k++) {
        const index = topIndex[k] as number;
        if (index <= BLANK || index === best) continue;
        runBest.set(index, Math.max(runBest.get(index) ?? 0, topProb[k] as number));
      }
    } else if (stepsPerLineHeight !== undefined) {
      const mass = 1 - (topProb[0] as number);
      const [strongest, ...others] = rankedNonBlank(1);
      if (
        strongest &&
        mass >= ENGINE_REC.hiddenCharMass &&
        strongest.prob > (blankRunHidden?.char.prob ?? 0)
      ) {
        blankRunHidden = {
          step: t,
          before: chars.length,
          char: {
            ...strongest,
            alternatives: others.slice(0, alternatives),
            span: { start: t / steps, end: (t + 1) / steps },
          },
        };
      }
    }
    previous = best;
  }
  finishRun(steps);
  if (blankRunHidden) hidden.push(blankRunHidden);
  if (stepsPerLineHeight !== undefined && hidden.length > 0) {
    chars = withRoom(chars, hidden, steps, stepsPerLineHeight);
  }
  const score = chars.length === 0 ? 0 : chars.reduce((sum, c) => sum + c.prob, 0) / chars.length;
  return { text: chars.map((c) => c.char).join(''), score, chars };
}
