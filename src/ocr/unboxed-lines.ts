import type { Quad } from '../idcard/api-contract.ts';
import { recognizeBoxes } from './face-lines.ts';
import type { Homography } from './geometry.ts';
import { lineShape, sliceQuad } from './layout/quad-geometry.ts';
import { asLifted } from './lifted-readings.ts';
import { ENGINE_REC } from './ocr-params.ts';
import type { RecognizedLine } from './recognized-line.ts';
import type { RgbImage } from './rgb-image.ts';
import type { TextModels } from './text-models.ts';

/** How a face's lines rate (`FaceCheck` on those lines), and where a value may stand unboxed. */
export type LinesCheck = (lines: RecognizedLine[]) => { score: number; unboxed?: Quad[] };

/** Whether a box's centre lies inside a region (both in face pixels, regions axis-aligned). */
function centredIn(box: Quad, region: Quad): boolean {
  const x = box.reduce((sum, p) => sum + p[0], 0) / 4;
  const y = box.reduce((sum, p) => sum + p[1], 0) / 4;
  const [[left, top], , [right, bottom]] = region;
  return x >= left && x <= right && y >= top && y <= bottom;
}

/**
 * A line read from a region, boxed where its characters were read, half a character's pitch
 * beyond the outer ones: the region's margins are where the pipeline looked, not where anything
 * is printed, and a box reaching well past a line's last character says that the line lost one
 * there (室 read at the start of a whole address row). The characters' spans are shares of the
 * new box.
 */
export function boxedToCharacters(line: RecognizedLine): RecognizedLine {
  const spans = line.chars.map((char) => char.span);
  const first = spans[0];
  const last = spans.at(-1);
  if (first === undefined || last === undefined || spans.includes(undefined)) return line;
  const { length, height } = lineShape(line.box);
  if (length <= 0) return line;
  const margin = (ENGINE_REC.charPitch / 2) * (height / length);
  const from = Math.max(0, (first.start + first.end) / 2 - margin);
  const to = Math.min(1, (last.start + last.end) / 2 + margin);
  const share = (at: number) => (at - from) / (to - from);
  return {
    ...line,
    box: sliceQuad(line.box, from, to),
    chars: line.chars.map((char) => ({
      ...char,
      ...(char.span && { span: { start: share(char.span.start), end: share(char.span.end) } }),
    })),
  };
}

/**
 * The regions' lines as read with a mark's ink lifted off wherever their reading as it is stood
 * (`RecognizedLine.liftedReading`), or null where no line has such a reading.
 */
function liftedLines(read: readonly RecognizedLine[]): RecognizedLine[] | null {
  if (!read.some((line) => line.liftedReading)) return null;
  return read.map(asLifted);
}

/**
 * Look at the unboxed: a region where `rate` found a value empty (a lone 傣 the detector does not
 * box on a blurred copy) is read as one line (`boxedToCharacters`), in place of any scrap boxed
 * inside it; the reading stands only where it rates no worse. Where a mark crosses a region, its
 * reading as it is (the mark's words, 荣线人) and with the ink lifted off (the 汉 under them)
 * are both rated, and the better stands: a value's region holds the value, not the mark.
 */
export async function lookAtUnboxed(
  photo: RgbImage,
  faceToPhoto: Homography,
  lines: RecognizedLine[],
  models: TextModels,
  rate: LinesCheck,
): Promise<RecognizedLine[]> {
  const first = rate(lines);
  const regions = first.unboxed ?? [];
  if (regions.length === 0) return lines;
  const read = await recognizeBoxes(photo, faceToPhoto, regions, models);
  if (read.length === 0) return lines;
  const kept = lines.filter((l) => !regions.some((r) => centredIn(l.box, r)));
  const candidates = [read, liftedLines(read)].flatMap((candidate) => {
    if (candidate === null) return [];
    const boxed = candidate.map(
      (line): RecognizedLine => ({ ...boxedToCharacters(line), unboxed: true }),
    );
    const again = [...kept, ...boxed];
    return [{ lines: again, score: rate(again).score }];
  });
  const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
  return best.score < first.score ? lines : best.lines;
}
