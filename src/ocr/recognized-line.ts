import type { Quad } from '../idcard/api-contract.ts';

/** One character position of a recognised line, as the CTC decoder saw it. */
export type RecognizedChar = {
  char: string;
  prob: number;
  /** Runner-up characters at the same position, most likely first (blank excluded). */
  alternatives: { char: string; prob: number }[];
  /**
   * Where the decoder emitted the character: the first and past-the-last time step of its run,
   * as shares of the line's width (0-1). Absent from readers that give no positions.
   */
  span?: { start: number; end: number };
};

/** A text line read off a straightened card face. */
export type RecognizedLine = {
  text: string;
  /** Corners in the straightened face's pixels: top-left, top-right, bottom-right, bottom-left. */
  box: Quad;
  /** Mean probability of the line's characters. */
  score: number;
  chars: RecognizedChar[];
  /**
   * Read from where the card prints a value rather than from a box the detector drew
   * (`lookAtUnboxed`): the detector found nothing there, most often because a mark crosses it;
   * or read on past the end of the detector's box (`lookPastEnds`).
   */
  unboxed?: true;
  /**
   * Read from a crop whose mark ink was lifted off first (`liftInk`): a mark crosses the
   * line, though the recogniser no longer reads its wording.
   */
  inkSeparated?: true;
  /**
   * Read from a crop that reads nothing once a mark's ink is lifted off (`liftInk`), or read in a
   * value's region past the value's end (`withStrayEndApart`): every character read is the
   * mark's (a stamp's 验 boxed apart, a usage line's 使 after an address's row), none the card's.
   */
  markInk?: true;
  /**
   * The reading of the crop with a mark's ink lifted off (`liftInk`), where the reading as it
   * is stood because it held more characters: those may be the mark's words over a value that
   * the lifted reading gives back (汉 under 银行就诊建 of a usage line).
   */
  liftedReading?: Pick<RecognizedLine, 'text' | 'score' | 'chars'>;
  /**
   * Detected on a face that carried a mark's ink, lifted off before detection
   * (`separateFaceInk`): a mark stood somewhere on the face, though no line may read its wording.
   */
  onInkedFace?: true;
};

/**
 * Everything read off one straightened card face, in its own pixel space; `marks`, where another
 * reading of the face read a mark that this one's detection did not box (a watermark levelled
 * away), so that what the marks may have hidden is still not vouched for.
 */
export type ReadFace = {
  width: number;
  height: number;
  lines: RecognizedLine[];
  marks?: Quad[];
};
