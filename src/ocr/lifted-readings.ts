import type { RecognizedLine } from './recognized-line.ts';

/** How well a face's lines read (`FaceCheck`'s score on them): higher is better. */
export type LinesScore = (lines: RecognizedLine[]) => number;

/** The line as read with a mark's ink lifted off (`RecognizedLine.liftedReading`). */
export function asLifted({ liftedReading, ...line }: RecognizedLine): RecognizedLine {
  return liftedReading ? { ...line, ...liftedReading, inkSeparated: true } : line;
}

/**
 * A line whose crop held a mark's ink keeps the reading that held more characters
 * (`recognizeLines`), counted at their probabilities, which over a value may be the mark's words
 * read surely (荣线人 of a usage line where the card prints 汉). Each such line whose lifted
 * reading holds as many characters or more is tried with it, one at a time in reading order, and
 * the lifted reading stands where the face then reads strictly better (`score`). One that holds
 * fewer is never tried: a face rates a short sure name above a whole unsure one (潘宇 at 0.85 for
 * 潘宇飞 at 0.06, its 飞 lost to the lifting), and characters read are not dropped to rate better.
 */
export function withLiftedReadings(lines: RecognizedLine[], score: LinesScore): RecognizedLine[] {
  let best = lines;
  let bestScore: number | null = null;
  lines.forEach((line, i) => {
    const lifted = line.liftedReading;
    if (!lifted || Array.from(lifted.text).length < Array.from(line.text).length) return;
    bestScore ??= score(best);
    const tried = best.map((other, k) => (k === i ? asLifted(other) : other));
    const triedScore = score(tried);
    if (triedScore > bestScore) {
      best = tried;
      bestScore = triedScore;
    }
  });
  return best;
}
