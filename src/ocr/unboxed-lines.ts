import type { Quad } from '../idcard/api-contract.ts';
import { recognizeBoxes } from './face-lines.ts';
import type { Homography } from './geometry.ts';
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
 * Look at the unboxed: a region where `rate` found a value empty (a lone 傣 the detector does not
 * box on a blurred copy) is read as one line, in place of any scrap boxed inside it; the reading
 * stands only where it rates no worse.
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
  const read = (await recognizeBoxes(photo, faceToPhoto, regions, models)).map(
    (line): RecognizedLine => ({ ...line, unboxed: true }),
  );
  if (read.length === 0) return lines;
  const again = [...lines.filter((l) => !regions.some((r) => centredIn(l.box, r))), ...read];
  return rate(again).score < first.score ? lines : again;
}
