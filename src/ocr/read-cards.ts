import type { CardSide, Quad } from '../idcard/api-contract.ts';
import { FACE_CORNERS, FACE_HEIGHT, FACE_WIDTH } from './card-geometry.ts';
import { uprightCorners } from './card-orientation.ts';
import { registerFace } from './card-registration.ts';
import type { DetectedBox } from './db-postprocess.ts';
import { detResizeShape } from './det-preprocess.ts';
import { boxesOverlap, readFaceLines, readingOrder, recognizeBoxes } from './face-lines.ts';
import { type CardCandidate, findCards, rowsRanTogether } from './find-cards.ts';
import {
  applyHomography,
  composeHomographies,
  distance,
  type Homography,
  homographyFromQuads,
  insideConvex,
  invertHomography,
  mapQuad,
  orderCorners,
  type Point,
  quadCentre,
} from './geometry.ts';
import { withLiftedReadings } from './lifted-readings.ts';
import { lookPastEnds, lookUnderSeals } from './line-ends.ts';
import { ENGINE_DET } from './ocr-params.ts';
import { findOutline } from './outlined-card.ts';
import type { ReadFace, RecognizedLine } from './recognized-line.ts';
import type { RgbImage } from './rgb-image.ts';
import { detectText, type TextModels } from './text-models.ts';
import { tiltedRowsDirection } from './tilted-rows.ts';
import { lookAtUnboxed } from './unboxed-lines.ts';
import { warpImage } from './warp.ts';

/** One card read off a photo. */
export type ScannedCard = {
  face: ReadFace;
  /** The straightened face, FACE_WIDTH x FACE_HEIGHT, warped when first asked for. */
  faceImage: () => RgbImage;
  /** Maps face pixels to pixels of the photo the pipeline was given. */
  faceToPhoto: Homography;
};

/**
 * How well a face was read: `whole` when it can be handed on as it is, `sure` when every field
 * holds a value vouched for, and a `score` to compare it with a second reading of the same card
 * (higher is better), `readScore` the same before what marks and unboxed lines keep from being
 * vouched for; `unboxed`, where a value came back empty that may stand there without a box of
 * its own (`lookAtUnboxed`); `marks`, where marks stamped or written over the card were read;
 * `side`, the face it was read as.
 */
export type FaceCheck = (face: ReadFace) => {
  whole: boolean;
  sure?: boolean;
  score: number;
  readScore?: number;
  unboxed?: Quad[];
  marks?: Quad[];
  side?: CardSide;
};

/** The face the second look settled on, and the side it was rated as. */
type LookedFace = { face: ReadFace; side?: CardSide };

/**
 * A card registered this far beyond the face it was read on (share of the face) had text cut
 * off there, so it is read again on the registered face.
 */
const REREAD_OVERHANG = 0.04;

/**
 * A second locating pass is worth its cost only when it sees the photo at least this many times
 * larger than the first.
 */
const CLOSER_GAIN = 1.5;

/** Straighten's hand-off: a card turned upright, and its rough face (from its found corners). */
type StraightenedCard = { candidate: CardCandidate; roughToPhoto: Homography; corners: Point[] };

/**
 * Lines read on a face and the map from that face to the photo; `detected` when the face's own
 * detection placed them (not the locating pass's boxes).
 */
type FaceLines = { lines: RecognizedLine[]; faceToPhoto: Homography; detected: boolean };

/** The card's size in the pixels of a locating pass at `limit`, as a share of the face's. */
function locateScale(photo: RgbImage, corners: Point[], limit: number): number {
  const located = detResizeShape(photo, limit);
  const [c0, c1, c2, c3] = corners as [Point, Point, Point, Point];
  const width = ((distance(c0, c1) + distance(c3, c2)) / 2) * (located.width / photo.width);
  return width / FACE_WIDTH;
}

/** Whether the registered card reaches well beyond the face it was read on. */
function overhangs(trueToRough: Homography): boolean {
  const margin = REREAD_OVERHANG;
  return FACE_CORNERS.some(([x, y]) => {
    const [u, v] = applyHomography(trueToRough, x, y);
    return (
      u < -margin * FACE_WIDTH ||
      v < -margin * FACE_HEIGHT ||
      u > (1 + margin) * FACE_WIDTH ||
      v > (1 + margin) * FACE_HEIGHT
    );
  });
}

/** Locate's hand-off: the cards found, and the detection size of the pass that found them. */
type Located = { cards: CardCandidate[]; limit: number };

/**
 * The cards found among the boxes, with a card standing among other text framed by its outline:
 * a card copied or pasted onto a printed form has the form's lines beside it, which the boxes'
 * grouping may join to the card's own, so that no card is found with its border measured all
 * round, and none with its text alone. Where the photo shows a card-shaped outline
 * (`findOutline`), the boxes inside it are found as a card first, in place of the cards that
 * reach across it.
 */
function cardsAmongText(photo: RgbImage, boxes: DetectedBox[], maxCards: number): CardCandidate[] {
  const cards = findCards(photo, boxes, maxCards);
  if (cards.length === 0 || cards.some((card) => card.outlined)) return cards;
  const outline = findOutline(photo);
  if (outline === null) return cards;
  const inside = ({ box }: DetectedBox) => insideConvex(outline, ...quadCentre(box));
  if (cards.some((card) => card.boxes.every(inside))) return cards;
  const framed = findCards(photo, boxes.filter(inside), 1);
  if (framed.length === 0) return cards;
  const apart = cards.filter((card) => !card.boxes.some(inside));
  return [...framed, ...apart].slice(0, maxCards);
}

async function locateAt(
  photo: RgbImage,
  models: TextModels,
  maxCards: number,
  limit: number,
): Promise<Located> {
  const photoBoxes = await detectText(photo, models, limit);
  return { cards: cardsAmongText(photo, photoBoxes, maxCards), limit };
}

/**
 * Locate: text detected on the whole photo, grouped into up to `maxCards` cards; where that
 * found no card, or a card too small in its pixels for its rows to be boxed one by one
 * (`rowsRanTogether`), the photo is located again closer (`ENGINE_DET.closeLocateLimitSideLen`)
 * if it has the pixels for it.
 */
async function locate(photo: RgbImage, models: TextModels, maxCards: number): Promise<Located> {
  const { locateLimitSideLen, closeLocateLimitSideLen, reuseLocateScale } = ENGINE_DET;
  const first = await locateAt(photo, models, maxCards, locateLimitSideLen);
  const blurred = (card: CardCandidate) =>
    locateScale(photo, card.corners, locateLimitSideLen) < reuseLocateScale &&
    rowsRanTogether(card);
  const longSide = Math.max(photo.width, photo.height);
  const closer = Math.min(closeLocateLimitSideLen, longSide);
  if (closer < CLOSER_GAIN * locateLimitSideLen) return first;
  if (first.cards.length > 0 && !first.cards.some(blurred)) return first;
  const second = await locateAt(photo, models, maxCards, closer);
  return second.cards.length >= first.cards.length ? second : first;
}

/** Straighten: the card turned upright (`uprightCorners`) and its rough face. */
async function straighten(
  photo: RgbImage,
  candidate: CardCandidate,
  models: TextModels,
): Promise<StraightenedCard> {
  const corners = await uprightCorners(photo, candidate.corners, candidate.boxes, models);
  return { candidate, corners, roughToPhoto: homographyFromQuads(FACE_CORNERS, corners) };
}

/**
 * Detect and recognise on the rough face: a card the locating pass saw large enough is read from
 * that pass's boxes, a smaller one from the rough face's own detection.
 */
async function readRoughFace(
  photo: RgbImage,
  card: StraightenedCard,
  models: TextModels,
  locateLimit: number,
): Promise<FaceLines> {
  const { roughToPhoto } = card;
  const detected = locateScale(photo, card.corners, locateLimit) < ENGINE_DET.reuseLocateScale;
  if (detected) {
    return {
      lines: await readFaceLines(photo, roughToPhoto, models),
      faceToPhoto: roughToPhoto,
      detected,
    };
  }
  const photoToRough = invertHomography(roughToPhoto);
  const boxes = card.candidate.boxes.map((b) => orderCorners(mapQuad(photoToRough, b.box)));
  return {
    lines: await recognizeBoxes(photo, roughToPhoto, boxes, models),
    faceToPhoto: roughToPhoto,
    detected,
  };
}

/**
 * Straighten again along the card's own rows where they ran tilted on the rough face
 * (`tiltedRowsDirection`): the card is framed anew from its boxes along that direction, turned
 * upright and read on its new rough face. The new reading is not rated against the first: read
 * from the same boxes it holds much the same text, and what the turn gains (a face registration
 * can fit, whose second look finds the rows the locating pass missed) shows only later.
 */
async function alongOwnRows(
  photo: RgbImage,
  card: StraightenedCard,
  rough: FaceLines,
  models: TextModels,
  locateLimit: number,
): Promise<FaceLines> {
  const direction = tiltedRowsDirection(rough.lines, rough.faceToPhoto);
  if (direction === null) return rough;
  const [candidate] = findCards(photo, card.candidate.boxes, 1, direction);
  if (candidate === undefined) return rough;
  return readRoughFace(photo, await straighten(photo, candidate, models), models, locateLimit);
}

/**
 * Register's hand-off: the lines on the registered face, and `roughToTrue`, the map from the face
 * they were read on to the registered one (null where registration could not tell, and the face
 * is the one they were read on).
 */
type RegisteredLines = FaceLines & { roughToTrue: Homography | null };

/** Whether a point, in face pixels, lies on the face. */
function onFace([x, y]: Point): boolean {
  return x >= 0 && x <= FACE_WIDTH && y >= 0 && y <= FACE_HEIGHT;
}

/**
 * Register: the lines fitted to the card's printed layout (`registerFace`), which corrects edges
 * found wrongly; the lines keep their text and move to the registered face, where those that
 * lie off it are left out (`onFace`), and are read again only when the rough face had cut part
 * of the card off.
 */
async function register(
  photo: RgbImage,
  read: FaceLines,
  models: TextModels,
): Promise<RegisteredLines> {
  const trueToRough = registerFace(read.lines);
  if (trueToRough === null) return { ...read, roughToTrue: null };
  const faceToPhoto = composeHomographies(read.faceToPhoto, trueToRough);
  const roughToTrue = invertHomography(trueToRough);
  // The card prints nothing within 4 mm of its edges (7 % of its height), so a line centred off
  // the registered face is print beside the card: the lines of a form the card was copied onto,
  // which the locating pass boxed with the card's.
  const lines = read.lines
    .map((line) => ({ ...line, box: mapQuad(roughToTrue, line.box) }))
    .filter((line) => onFace(quadCentre(line.box)));
  // Boxes from the locating pass were never cut off by the rough face's edges.
  if (read.detected && overhangs(trueToRough)) {
    return {
      lines: await readFaceLines(photo, faceToPhoto, models, lines),
      faceToPhoto,
      detected: true,
      roughToTrue,
    };
  }
  return { lines, faceToPhoto, detected: read.detected, roughToTrue };
}

function faceOf(lines: readonly RecognizedLine[], marks: readonly Quad[] = []): ReadFace {
  return {
    width: FACE_WIDTH,
    height: FACE_HEIGHT,
    lines: readingOrder([...lines]),
    ...(marks.length > 0 ? { marks: [...marks] } : {}),
  };
}

/**
 * Second look: a card read from the locating pass's boxes whose reading `rateFace` finds short
 * is detected again on its registered face at `ENGINE_DET.faceScale` and read again (lines read
 * in the same place keep their reading); one on which a mark was read is also detected on the
 * face without its faint marks (`withoutFaintMarks`), where the lines a watermark's tiles crossed
 * are boxed again. The best reading stands: the first, the second, the second with the first's
 * lines it boxed nowhere (a value whose box the second detection lost under a watermark crossing
 * it, while it found the number the first had lost), the levelled one, and the levelled one with
 * the places read before that it boxed nowhere, each in its latest reading (a line the second
 * detection boxed again is not added twice); a tie keeps the earliest, the second ahead of the
 * first. The face keeps the marks the first reading read (`ReadFace.marks`), whichever stands,
 * and comes with the side its reading was rated as.
 */
async function secondLook(
  photo: RgbImage,
  read: FaceLines,
  models: TextModels,
  rateFace: FaceCheck,
): Promise<LookedFace> {
  const first = rateFace(faceOf(read.lines));
  if (read.detected) return { face: faceOf(read.lines), side: first.side };
  const marks = first.marks ?? [];
  if (first.whole && marks.length === 0) return { face: faceOf(read.lines), side: first.side };
  const rated = (lines: RecognizedLine[]) => {
    const check = rateFace(faceOf(lines, marks));
    return { lines, score: check.score, side: check.side };
  };
  const readings: { lines: RecognizedLine[]; score: number; side?: CardSide }[] = [];
  // `known`: every line read so far, whose readings a box found again keeps; `boxed`: each place
  // read so far once, the latest reading of it.
  let known = read.lines;
  let boxed = read.lines;
  if (!first.whole) {
    const again = await readFaceLines(photo, read.faceToPhoto, models, read.lines);
    const lost = read.lines.filter((line) => !again.some((l) => boxesOverlap(l.box, line.box)));
    readings.push(rated(again));
    readings.push({ lines: read.lines, score: first.score, side: first.side });
    if (lost.length > 0) readings.push(rated([...again, ...lost]));
    known = [...read.lines, ...again];
    boxed = [...again, ...lost];
  } else {
    readings.push({ lines: read.lines, score: first.score, side: first.side });
  }
  if (marks.length > 0) {
    const levelled = await readFaceLines(photo, read.faceToPhoto, models, known, {
      levelled: true,
    });
    const lostLevelled = boxed.filter(
      (line) => !levelled.some((l) => boxesOverlap(l.box, line.box)),
    );
    readings.push(rated(levelled));
    if (lostLevelled.length > 0) readings.push(rated([...levelled, ...lostLevelled]));
  }
  const best = readings.reduce((kept, reading) => (reading.score > kept.score ? reading : kept));
  return { face: faceOf(best.lines, marks), side: best.side };
}

/** A face settled on and the map from it to the photo. */
type SettledFace = { face: ReadFace; faceToPhoto: Homography; side?: CardSide };

/**
 * Register the second look: a face that could not be registered on its first reading is
 * registered on the lines its second look boxed on the face itself, its marks moved with them.
 * The locating pass can box little of the card's print: a red watermark's tiles across a dim
 * photo set the rough face's turn and took up its boxes, which read one label; the face's own
 * detection read five, while the face kept its rough frame, the name row at 0.36 of its height
 * where the labels are looked for at 0.17 (± 0.12), and the name came back empty.
 */
async function registerLooked(
  photo: RgbImage,
  registered: RegisteredLines,
  looked: LookedFace,
  models: TextModels,
): Promise<SettledFace> {
  const { faceToPhoto } = registered;
  const unmoved = { face: looked.face, faceToPhoto, ...(looked.side && { side: looked.side }) };
  // Registered already, or the second look read nothing new: those lines did not register.
  const unread = looked.face.lines.every((line) => registered.lines.includes(line));
  if (registered.roughToTrue !== null || unread) return unmoved;
  const again = await register(
    photo,
    { lines: looked.face.lines, faceToPhoto, detected: true },
    models,
  );
  const { roughToTrue } = again;
  if (roughToTrue === null) return unmoved;
  const marks = (looked.face.marks ?? []).map((mark) => mapQuad(roughToTrue, mark));
  return { ...unmoved, face: faceOf(again.lines, marks), faceToPhoto: again.faceToPhoto };
}

/** Whether two faces found in the photo are one card: the centre of either lies on the other. */
function sameCard(a: Homography, b: Homography): boolean {
  const centreOn = (face: Homography, other: Homography) => {
    const [x, y] = applyHomography(face, FACE_WIDTH / 2, FACE_HEIGHT / 2);
    return onFace(applyHomography(invertHomography(other), x, y));
  };
  return centreOn(a, b) || centreOn(b, a);
}

/**
 * Whether lines read on a card found after another read whole hold none of a card's text
 * (`rateFace` scores them -1): most often the text of a form the card was copied onto, found as
 * a card of its own, whose second look cost as much as the card's whole reading. It can be the
 * card found again, framed by itself, whose second look would read it a little surer than the
 * whole reading already made (one emblem side in 80 form photos, then no longer vouched for).
 * Before a face read whole such a card is always looked at again: a small card on a form read
 * as a garbled face first was read right only on the second look of the one found after it.
 */
function isSpareBeside(
  readings: readonly ScannedCard[],
  lines: readonly RecognizedLine[],
  rateFace: FaceCheck,
): boolean {
  const wholeRead = readings.some((read) => rateFace(read.face).whole);
  return wholeRead && rateFace(faceOf(lines)).score < 0;
}

/**
 * The reading pipeline on decoded pixels, up to the lines of each card's face: locate the cards,
 * straighten each (upright, rough face from its corners), detect and recognise its lines from
 * the photo's own pixels (one resampling, not two), straighten again along the card's own rows
 * where they ran tilted (`alongOwnRows`), register them to the card's layout, take
 * a second look where the first reading fell short (registering its lines where the first
 * reading's could not be, `registerLooked`), on a portrait side read on past the lines
 * that end in the photo's columns (`lookPastEnds`), read a line crossed by a mark with its ink
 * lifted off where that reads the face better (`withLiftedReadings`), look where a value came
 * back unboxed (`lookAtUnboxed`), and read on under a seal's inked ground where a line ends at one
 * (`lookUnderSeals`). A card found twice (once with the text around it, once by its own) is
 * read once: the reading `rateFace` rates higher stands, in the place of the first. Where one
 * face is wanted (`oneFace`), no card is read after one read `sure`: nothing found later could be
 * answered in its place but a reading rated higher, and a face whose every value is vouched for
 * leaves none to be; on a printed form, the form's own text found as a card of its own (a
 * poor portrait side, by its 申请人姓名) took a read and a second look of its own. After a face
 * read whole, a card whose first reading holds none of a card's text is left unread further
 * (`isSpareBeside`). Laying the
 * lines out into fields and checking them (`src/ocr/layout/`) follow.
 */
export async function readCards(
  photo: RgbImage,
  models: TextModels,
  maxCards: number,
  rateFace: FaceCheck = () => ({ whole: true, score: 0 }),
  { oneFace = false }: { oneFace?: boolean } = {},
): Promise<ScannedCard[]> {
  const readings: ScannedCard[] = [];
  const located = await locate(photo, models, maxCards);
  for (const candidate of located.cards) {
    if (oneFace && readings.some((read) => rateFace(read.face).sure)) break;
    const card = await straighten(photo, candidate, models);
    const first = await readRoughFace(photo, card, models, located.limit);
    const rough = await alongOwnRows(photo, card, first, models, located.limit);
    const registered = await register(photo, rough, models);
    if (oneFace && isSpareBeside(readings, registered.lines, rateFace)) continue;
    const secondLooked = await secondLook(photo, registered, models, rateFace);
    const {
      face: looked,
      faceToPhoto,
      side,
    } = await registerLooked(photo, registered, secondLooked, models);
    const marks = looked.marks ?? [];
    const ended =
      side === 'front'
        ? await lookPastEnds(photo, faceToPhoto, looked.lines, models)
        : looked.lines;
    const lifted = withLiftedReadings(ended, (l) => rateFace(faceOf(l, marks)).score);
    const unboxed = await lookAtUnboxed(photo, faceToPhoto, lifted, models, (l) =>
      rateFace(faceOf(l, marks)),
    );
    const lines = await lookUnderSeals(photo, faceToPhoto, unboxed, models, side);
    let faceImage: RgbImage | null = null;
    const face = faceOf(lines, marks);
    const scanned = {
      face,
      faceImage: () => {
        faceImage ??= warpImage(photo, faceToPhoto, FACE_WIDTH, FACE_HEIGHT);
        return faceImage;
      },
      faceToPhoto,
    };
    const twin = readings.findIndex((read) => sameCard(read.faceToPhoto, faceToPhoto));
    if (twin < 0) readings.push(scanned);
    else if (rateFace(face).score > rateFace((readings[twin] as ScannedCard).face).score) {
      readings[twin] = scanned;
    }
  }
  return readings;
}
