import {
  type AlarmSwitch,
  alarmName,
  type BackResult,
  type CardSide,
  type FaceResult,
  type FrontResult,
  type IdCardResponse,
  type Quad,
  type VerificationResult,
  VOUCHED_CONFIDENCE,
} from '../../idcard/api-contract.ts';
import type { IsoDate } from '../../idcard/card-dates.ts';
import type { BackFields, FrontFields } from '../../idcard/card-fields.ts';
import { verify } from '../../idcard/verify.ts';
import { PORTRAIT_AREA } from '../../ocr/card-geometry.ts';
import { NoCardFoundError, SameSideTwiceError } from '../../ocr/errors.ts';
import { assessAlarms, isJudgedAlarm } from '../../ocr/face-alarms.ts';
import { faceQuadToSource, PORTRAIT_QUAD } from '../../ocr/face-result.ts';
import { completeAcrossFaces } from '../../ocr/layout/across-faces.ts';
import type { BackReading, CardReading, FrontReading } from '../../ocr/layout/card-reading.ts';
import { doubtfulNameBox } from '../../ocr/layout/doubtful-name.ts';
import { heldConfidence, rateReading, readCardFields } from '../../ocr/layout/read-card-fields.ts';
import { isIllegible, likelySide, unreadableReading } from '../../ocr/layout/unreadable-face.ts';
import { rereadDoubtfulNames } from '../../ocr/name-reread.ts';
import { readOutlinedCard, uprightIllegibleScan } from '../../ocr/outlined-card.ts';
import { readCards, type ScannedCard } from '../../ocr/read-cards.ts';
import type { RgbImage } from '../../ocr/rgb-image.ts';
import type { TextModels } from '../../ocr/text-models.ts';
import { decodeImage, encodeJpeg } from '../image/image-codec.ts';
import type { JobProfiler } from './work-profile.ts';

export type RecognizeOptions = {
  side: 'front' | 'back' | 'double_side' | 'auto';
  returnVerification: boolean;
  returnTextLocation: boolean;
  returnAdjustedImage: boolean;
  returnPortraitImage: boolean;
  returnPortraitLocation: boolean;
  alarms: AlarmSwitch[];
};

/**
 * Photos are decoded straight to this long side (DESIGN.md: detection above 960 px gains nothing,
 * and recognition crops keep their detail up to about 1600 px).
 */
const DECODE_MAX_LONG_SIDE = 1600;
/** Cards looked for in one photo: two for a photocopy page, and a spare when one is not a card. */
const MAX_CARDS = 2;
const JPEG_QUALITY = 90;

type ReadCard = { scan: ScannedCard; reading: CardReading };

function cropFace(face: RgbImage, area: typeof PORTRAIT_AREA): RgbImage {
  const width = area.right - area.left;
  const height = area.bottom - area.top;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const from = ((area.top + y) * face.width + area.left) * 3;
    data.set(face.data.subarray(from, from + width * 3), y * width * 3);
  }
  return { width, height, data };
}

async function base64Jpeg(image: RgbImage): Promise<string> {
  return Buffer.from(await encodeJpeg(image, JPEG_QUALITY)).toString('base64');
}

async function faceResult(
  { scan, reading }: ReadCard,
  options: RecognizeOptions,
  photo: { width: number; height: number; sourceScale: number },
  verification: VerificationResult,
): Promise<FaceResult> {
  const { sourceScale } = photo;
  const result: Record<string, unknown> = {
    side: reading.side,
    ...fieldValues(reading),
    confidence: Object.fromEntries(
      Object.entries(reading.fields).map(([field, read]) => [field, read.confidence]),
    ),
  };
  const alternatives = doubtfulFieldAlternatives(reading);
  if (Object.keys(alternatives).length > 0) result.alternatives = alternatives;
  if (options.returnVerification) result.verification_result = verification;
  if (options.returnTextLocation) {
    result.text_location = Object.fromEntries(
      Object.entries(faceLocations(reading)).map(([field, box]) => [
        field,
        faceQuadToSource(scan, box, sourceScale),
      ]),
    );
  }
  // Both faces are straightened, so the clerk checks an emblem side against its card too; the
  // portrait is empty for the emblem side (API.md).
  const front = reading.side === 'front';
  if (options.returnAdjustedImage) {
    result.adjusted_image = await base64Jpeg(scan.faceImage());
    // The straightened card is the face itself, so a field's box on it is the box as read.
    if (options.returnTextLocation) result.adjusted_text_location = faceLocations(reading);
  }
  if (options.returnPortraitImage) {
    result.portrait_image = front
      ? await base64Jpeg(cropFace(scan.faceImage(), PORTRAIT_AREA))
      : '';
  }
  if (options.returnPortraitLocation) {
    result.portrait_location = front ? faceQuadToSource(scan, PORTRAIT_QUAD, sourceScale) : [];
  }
  // API.md: only the alarms the engine can judge are answered; the others are left out.
  const judged = options.alarms.filter(isJudgedAlarm);
  if (judged.length > 0) {
    const scores: Record<string, number> = {};
    for (const [alarm, verdict] of Object.entries(assessAlarms(scan, photo, judged))) {
      result[`${alarm}_result`] = verdict.problem;
      scores[`${alarmName(alarm as AlarmSwitch)}_score`] = verdict.score;
    }
    result.score_info = scores;
  }
  return result as FaceResult;
}

/** Each read field's box on the straightened face, in that face's pixels. */
function faceLocations(reading: CardReading): Record<string, Quad> {
  const locations: Record<string, Quad> = {};
  for (const [field, read] of Object.entries(reading.fields)) {
    if (read.box) locations[field] = read.box;
  }
  return locations;
}

/** README: `alternatives` only for fields below `VOUCHED_CONFIDENCE`, and only those with any. */
export function doubtfulFieldAlternatives(reading: CardReading): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(reading.fields)
      .filter(([, read]) => read.confidence < VOUCHED_CONFIDENCE && read.alternatives?.length)
      .map(([field, read]) => [field, read.alternatives as string[]]),
  );
}

function fieldValues<T extends string>(reading: CardReading): Record<T, string> {
  return Object.fromEntries(
    Object.entries(reading.fields).map(([field, read]) => [field, read.value]),
  ) as Record<T, string>;
}

/** Reads each scanned card's fields, skipping candidates that turn out not to be a card face. */
function readFields(
  scans: ScannedCard[],
  side: 'front' | 'back' | 'auto',
  today: IsoDate,
): ReadCard[] {
  const read: ReadCard[] = [];
  for (const scan of scans) {
    try {
      read.push({ scan, reading: readCardFields(scan.face, side, today) });
    } catch (error) {
      // A text cluster that is not (this side of) a card is not a failure while others remain.
      if (!(error instanceof NoCardFoundError)) throw error;
    }
  }
  return read;
}

/**
 * Each scanned card's fields, with a doubtful name's line read again (`rereadDoubtfulNames`):
 * only a card whose lines that changed is laid out a second time. `scans` are the cards as read,
 * the ones the readings hold.
 */
async function readWithNamesReread(
  photo: RgbImage,
  found: ScannedCard[],
  models: TextModels,
  side: 'front' | 'back' | 'auto',
  today: IsoDate,
): Promise<{ scans: ScannedCard[]; read: ReadCard[] }> {
  const first = readFields(found, side, today);
  const readingOf = new Map(first.map((card) => [card.scan.face, card.reading]));
  const scans = await rereadDoubtfulNames(photo, found, models, (face) => {
    const reading = readingOf.get(face);
    return reading ? doubtfulNameBox(reading) : null;
  });
  const firstOf = new Map(first.map((card) => [card.scan, card]));
  const read = scans.flatMap((scan) => {
    const unchanged = firstOf.get(scan);
    return unchanged ? [unchanged] : readFields([scan], side, today);
  });
  return { scans, read };
}

/**
 * Cards found whose print is too poor to read (`isIllegible`), none of them read already, as faces
 * with every field empty: the card was there, so the clerk gets its face to fill in rather than
 * AIS.0104, each turned upright by its colours (`uprightIllegibleScan`). Each takes the next of
 * `sides`, or its `likelySide` where any side will do.
 */
function unreadCards(
  photo: RgbImage,
  scans: ScannedCard[],
  read: ReadCard[],
  sides: CardSide[] | 'auto',
): ReadCard[] {
  const unread = scans
    .filter((scan) => !read.some((card) => card.scan === scan) && isIllegible(scan.face))
    .map((scan) => uprightIllegibleScan(photo, scan));
  if (sides === 'auto') {
    return unread.slice(0, 1).map((scan) => ({
      scan,
      reading: unreadableReading(likelySide(scan.faceImage())),
    }));
  }
  return sides.slice(0, unread.length).map((side, i) => ({
    scan: unread[i] as ScannedCard,
    reading: unreadableReading(side),
  }));
}

/**
 * Where the locating pass found no card by its text: a card found by its outline whose print is
 * there but illegible (`readOutlinedCard`), as a face with every field empty.
 */
async function outlinedCards(
  photo: RgbImage,
  models: TextModels,
  side: CardSide | 'auto',
): Promise<ReadCard[]> {
  const scan = await readOutlinedCard(photo, models);
  if (!scan) return [];
  return [
    { scan, reading: unreadableReading(side === 'auto' ? likelySide(scan.faceImage()) : side) },
  ];
}

/**
 * The card read best (`heldConfidence`; the first of equals) where one side was asked for and
 * more than one card reads as it: a card copied onto a form can be found once framed by its own
 * text and once among the form's lines, where its bottom rows read as a face of their own.
 */
function bestRead(cards: ReadCard[]): ReadCard {
  return cards.reduce((best, card) =>
    heldConfidence(card.reading) > heldConfidence(best.reading) ? card : best,
  );
}

/**
 * The whole local recognition of one image, as the API's `result`; `profiler` (whose runner
 * `models` holds) also times the decode.
 */
export async function recognizeImage(
  bytes: Uint8Array,
  options: RecognizeOptions,
  models: TextModels,
  today: IsoDate,
  profiler?: JobProfiler,
): Promise<IdCardResponse['result']> {
  const decoding = () => decodeImage(bytes, { maxLongSide: DECODE_MAX_LONG_SIDE });
  const photo = await (profiler ? profiler.decode(decoding) : decoding());
  const decoded = {
    width: photo.width,
    height: photo.height,
    sourceScale: photo.sourceWidth / photo.width,
  };
  const side = options.side === 'double_side' ? 'auto' : options.side;
  const { scans, read: cardsRead } = await readWithNamesReread(
    photo,
    await readCards(
      photo,
      models,
      MAX_CARDS,
      (face) => rateReading(face, side, today),
      // A double-sided page needs both of its cards, however sure the first.
      { oneFace: options.side !== 'double_side' },
    ),
    models,
    side,
    today,
  );
  if (options.side === 'double_side') {
    const cards = [...cardsRead];
    if (cards.length >= 2 && cards[0]?.reading.side === cards[1]?.reading.side) {
      throw new SameSideTwiceError(`two cards showing the ${cards[0]?.reading.side} side`);
    }
    const sides: CardSide[] = ['front', 'back'];
    const missing = sides.filter((side) => !cards.some((c) => c.reading.side === side));
    cards.push(...unreadCards(photo, scans, cards, missing));
    const front = cards.find((c) => c.reading.side === 'front');
    const read = cards.find((c) => c.reading.side === 'back');
    if (!front || !read) throw new NoCardFoundError('both sides of the card were not found');
    const back = {
      ...read,
      reading: completeAcrossFaces(
        front.reading as FrontReading,
        read.reading as BackReading,
        today,
      ),
    };
    const verification = verify(
      fieldValues<keyof FrontFields>(front.reading),
      fieldValues<keyof BackFields>(back.reading),
      today,
    );
    return {
      front: (await faceResult(front, options, decoded, verification)) as FrontResult,
      back: (await faceResult(back, options, decoded, verification)) as BackResult,
    };
  }
  const [card] =
    cardsRead.length > 0
      ? [bestRead(cardsRead)]
      : scans.length > 0
        ? unreadCards(photo, scans, cardsRead, side === 'auto' ? side : [side])
        : await outlinedCards(photo, models, side);
  if (!card) throw new NoCardFoundError('no ID card found in the image');
  const verification =
    card.reading.side === 'front'
      ? verify(fieldValues<keyof FrontFields>(card.reading), undefined, today)
      : verify(undefined, fieldValues<keyof BackFields>(card.reading), today);
  return faceResult(card, options, decoded, verification);
}
