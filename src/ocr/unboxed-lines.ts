import type { Quad } from '../idcard/api-contract.ts';
import { recognizeBoxes } from './face-lines.ts';
import { type Homography, quadCentre } from './geometry.ts';
import { CHARACTER_BETWEEN } from './layout/dropped-characters.ts';
import { HAN_CHAR } from './layout/glyphs.ts';
import { lineShape, sliceQuad } from './layout/quad-geometry.ts';
import { asLifted } from './lifted-readings.ts';
import { ENGINE_REC } from './ocr-params.ts';
import type { RecognizedChar, RecognizedLine } from './recognized-line.ts';
import type { RgbImage } from './rgb-image.ts';
import type { TextModels } from './text-models.ts';

/** How a face's lines rate (`FaceCheck` on those lines), and where a value may stand unboxed. */
export type LinesCheck = (lines: RecognizedLine[]) => {
  score: number;
  readScore?: number;
  unboxed?: Quad[];
};

/** Whether a box's centre lies inside a region (both in face pixels, regions axis-aligned). */
function centredIn(box: Quad, region: Quad): boolean {
  const [x, y] = quadCentre(box);
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
 * A region read past its value's end holds at most this many characters of what crosses it
 * there; more is a line of its own, not a stray.
 */
const STRAY_RUN = 2;
/** Han neighbours a value needs before its own pitch is measured (the median of their distances). */
const PITCH_NEIGHBOURS = 3;

/** Centre of a character's run, as a share of its line's width. */
function centreOf(char: RecognizedChar): number | null {
  return char.span ? (char.span.start + char.span.end) / 2 : null;
}

/**
 * Where a region's reading runs past its value: the index of its last characters, at most
 * `STRAY_RUN` of them, set off from the rest by more than `CHARACTER_BETWEEN` of the value's own
 * pitch (the median distance of its Han neighbours); the line's length where none are. The card
 * sets a row at a steady pitch, while a usage line crossing a region beyond the row's end leaves
 * its characters there (使, 户, 理 or 行 after an address's first row, 1.8-2.0 pitches on).
 */
export function strayEndAt(line: RecognizedLine): number {
  const { chars } = line;
  const centres = chars.map(centreOf);
  for (let at = chars.length - 1; at >= Math.max(1, chars.length - STRAY_RUN); at--) {
    const distances = chars.slice(1, at).flatMap((char, i) => {
      const previous = chars[i] as RecognizedChar;
      const [from, to] = [centres[i], centres[i + 1]];
      const han = HAN_CHAR.test(previous.char) && HAN_CHAR.test(char.char);
      return han && from != null && to != null ? [to - from] : [];
    });
    if (distances.length < PITCH_NEIGHBOURS) return chars.length;
    const pitch = [...distances].sort((a, b) => a - b)[Math.floor(distances.length / 2)] as number;
    const [before, after] = [centres[at - 1], centres[at]];
    if (before == null || after == null) return chars.length;
    if (after - before > CHARACTER_BETWEEN * pitch) return at;
  }
  return chars.length;
}

/** A line's characters from `from` to `to`, with their own text and score. */
function charactersOf(line: RecognizedLine, from: number, to: number): RecognizedLine {
  const chars = line.chars.slice(from, to);
  return {
    ...line,
    text: chars.map((c) => c.char).join(''),
    score: chars.reduce((sum, c) => sum + c.prob, 0) / chars.length,
    chars,
  };
}

/**
 * A region's line with its stray end (`strayEndAt`) apart: the value's characters, and the
 * stray's as a line read in a mark's ink (`RecognizedLine.markInk`), so that no value takes them
 * and the value they end is not vouched for.
 */
export function withStrayEndApart(line: RecognizedLine): RecognizedLine[] {
  const at = strayEndAt(line);
  if (at === line.chars.length) return [line];
  const { liftedReading: _, ...read } = line;
  return [
    charactersOf(read, 0, at),
    { ...charactersOf(read, at, line.chars.length), markInk: true },
  ];
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
 * box on a blurred copy) is read as one line (`boxedToCharacters`), its stray end set apart
 * (`withStrayEndApart`), in place of any scrap boxed inside it; the reading stands only where it
 * rates no worse, as read (`readScore`): the mark it finds across a region keeps the face's name
 * and address from being vouched for, which is no worse a reading (顾萍晨 read under
 * 入住登记使用, the address then at 0.85 instead of 0.99). Where a mark crosses a region, its
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
  const firstScore = first.readScore ?? first.score;
  const regions = first.unboxed ?? [];
  if (regions.length === 0) return lines;
  const read = await recognizeBoxes(photo, faceToPhoto, regions, models);
  if (read.length === 0) return lines;
  const kept = lines.filter((l) => !regions.some((r) => centredIn(l.box, r)));
  const candidates = [read, liftedLines(read)].flatMap((candidate) => {
    if (candidate === null) return [];
    const boxed = candidate
      .flatMap(withStrayEndApart)
      .map((line): RecognizedLine => ({ ...boxedToCharacters(line), unboxed: true }));
    const again = [...kept, ...boxed];
    const rated = rate(again);
    return [{ lines: again, score: rated.readScore ?? rated.score }];
  });
  const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
  return best.score < firstScore ? lines : best.lines;
}
