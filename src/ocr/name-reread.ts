import type { Quad } from '../idcard/api-contract.ts';
import { mapQuad } from './geometry.ts';
import { voteLineReadings } from './line-vote.ts';
import type { ScannedCard } from './read-cards.ts';
import type { ReadFace, RecognizedLine } from './recognized-line.ts';
import type { RgbImage } from './rgb-image.ts';
import { recognizeLines, type TextModels } from './text-models.ts';

/**
 * Extra crops of a doubtful name's line, as margins added to the detected box in heights of
 * the line (above and below; left and right). The detector's box sits tight on the characters,
 * and a blurred character's top and bottom strokes spread past it: on the generated set of
 * seed 41, 段忝刚 (defocus) read right from the 0.15 crop and 吕娟嘉 (motion blur) from both,
 * where the detector's box read 段添刚 and 昌娟嘉.
 */
export const NAME_REREAD_MARGINS = [
  { vertical: 0.15, horizontal: 0 },
  { vertical: 0.3, horizontal: 0.1 },
] as const;

/** Where a face's name may be in doubt (`doubtfulNameBox` of the layout), or null. */
export type DoubtfulName = (face: ReadFace) => Quad | null;

/** Margins around a line's box, in heights of the line. */
type Margin = { vertical: number; horizontal: number };

/** The line's box grown by `margin`, along its own edges so that a tilted line keeps its slant. */
export function grownBox(box: Quad, margin: Margin): Quad {
  const [tl, tr, br, bl] = box;
  const height =
    (Math.hypot(bl[0] - tl[0], bl[1] - tl[1]) + Math.hypot(br[0] - tr[0], br[1] - tr[1])) / 2;
  const length = Math.hypot(tr[0] - tl[0], tr[1] - tl[1]) || 1;
  const along = [(tr[0] - tl[0]) / length, (tr[1] - tl[1]) / length] as const;
  const across = [-along[1], along[0]] as const;
  const out = (point: Quad[number], a: number, c: number): Quad[number] => [
    point[0] + height * (a * along[0] + c * across[0]),
    point[1] + height * (a * along[1] + c * across[1]),
  ];
  const { vertical: v, horizontal: h } = margin;
  return [out(tl, -h, -v), out(tr, h, -v), out(br, h, v), out(bl, -h, v)];
}

/** The face's lines that hold part of the name: on its row and overlapping it along the row. */
function linesOfName(face: ReadFace, nameBox: Quad): number[] {
  const top = Math.min(...nameBox.map((p) => p[1]));
  const bottom = Math.max(...nameBox.map((p) => p[1]));
  const left = Math.min(...nameBox.map((p) => p[0]));
  const right = Math.max(...nameBox.map((p) => p[0]));
  const middle = (top + bottom) / 2;
  return face.lines.flatMap((line, index) => {
    const ys = line.box.map((p) => p[1]);
    const xs = line.box.map((p) => p[0]);
    const onRow = Math.min(...ys) <= middle && Math.max(...ys) >= middle;
    const overlaps = Math.min(...xs) < right && Math.max(...xs) > left;
    return onRow && overlaps ? [index] : [];
  });
}

/**
 * Second read of doubtful names: each card whose name `doubtfulName` finds unsure has its name's
 * line read again from the photo's own pixels at the taller crops of `NAME_REREAD_MARGINS` (one
 * batch for the card), and the readings are merged with the first (`voteLineReadings`). Cards
 * with a vouched name, and emblem sides, cost nothing.
 */
export async function rereadDoubtfulNames(
  photo: RgbImage,
  scans: readonly ScannedCard[],
  models: TextModels,
  doubtfulName: DoubtfulName,
): Promise<ScannedCard[]> {
  const reread: ScannedCard[] = [];
  for (const scan of scans) {
    const nameBox = doubtfulName(scan.face);
    const indices = nameBox === null ? [] : linesOfName(scan.face, nameBox);
    if (indices.length === 0) {
      reread.push(scan);
      continue;
    }
    const crops = indices.flatMap((index) =>
      NAME_REREAD_MARGINS.map((margin) =>
        mapQuad(scan.faceToPhoto, grownBox((scan.face.lines[index] as RecognizedLine).box, margin)),
      ),
    );
    // A name is free text: the first reader could not settle it.
    const decoded = await recognizeLines(photo, crops, models, { firstReader: false });
    const lines = [...scan.face.lines];
    indices.forEach((index, i) => {
      const first = lines[index] as RecognizedLine;
      const readings = decoded.slice(
        i * NAME_REREAD_MARGINS.length,
        (i + 1) * NAME_REREAD_MARGINS.length,
      );
      const others = readings.map((line) => ({
        ...first,
        text: line.text,
        score: line.score,
        chars: line.chars,
      }));
      const voted = voteLineReadings([first, ...others]);
      const inkSeparated = readings.some((line) => line.inkSeparated);
      lines[index] = inkSeparated ? { ...voted, inkSeparated } : voted;
    });
    reread.push({ ...scan, face: { ...scan.face, lines } });
  }
  return reread;
}
