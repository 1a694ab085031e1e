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

/**
 * Greedy CTC decoding of one line's `steps x classes` probabilities: take the most likely class
 * at each step, merge repeats, drop blanks. A character's probability is that of the first step
 * of its run (PaddleOCR keeps the first); its alternatives are the other non-blank classes with
 * their best probability over the run, most likely first.
 */
export function ctcDecode(
  probs: Float32Array,
  steps: number,
  charset: readonly string[],
  alternatives: number,
): DecodedLine {
  const classes = charset.length;
  const chars: RecognizedChar[] = [];
  let previous = BLANK;
  let runBest: Map<number, number> | null = null;
  const topIndex = new Int32Array(alternatives + 2);
  const topProb = new Float32Array(alternatives + 2);
  const finishRun = () => {
    const current = chars.at(-1);
    if (!current || !runBest) return;
    current.alternatives = [...runBest]
      .sort((a, b) => b[1] - a[1])
      .slice(0, alternatives)
      .map(([index, prob]) => ({ char: charset[index] as string, prob }));
  };
  for (let t = 0; t < steps; t++) {
    const base = t * classes;
    topIndex.fill(-1);
    topProb.fill(-1);
    // Keep the few most likely classes of this step, blank included.
    for (let c = 0; c < classes; c++) {
      const p = probs[base + c] as number;
      if (p <= (topProb[topProb.length - 1] as number)) continue;
      let k = topProb.length - 1;
      while (k > 0 && p > (topProb[k - 1] as number)) {
        topProb[k] = topProb[k - 1] as number;
        topIndex[k] = topIndex[k - 1] as number;
        k--;
      }
      topProb[k] = p;
      topIndex[k] = c;
    }
    const best = topIndex[0] as number;
    if (best !== previous) {
      finishRun();
      runBest = null;
      if (best !== BLANK) {
        chars.push({ char: charset[best] as string, prob: topProb[0] as number, alternatives: [] });
        runBest = new Map();
      }
    }
    if (runBest) {
      for (let k = 1; k < topIndex.length; k++) {
        const index = topIndex[k] as number;
        if (index <= BLANK || index === best) continue;
        runBest.set(index, Math.max(runBest.get(index) ?? 0, topProb[k] as number));
      }
    }
    previous = best;
  }
  finishRun();
  const score = chars.length === 0 ? 0 : chars.reduce((sum, c) => sum + c.prob, 0) / chars.length;
  return { text: chars.map((c) => c.char).join(''), score, chars };
}
