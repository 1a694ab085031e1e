import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { BACK_FIELDS, FRONT_FIELDS, type Quad } from '../../idcard/api-contract.ts';
import { NoCardFoundError } from '../../ocr/errors.ts';
import { oneWorkerEngine } from '../test-support/one-worker-engine.ts';
import {
  bankCard,
  blankPage,
  blankPlate,
  blurredPhoto,
  CARDS_DIR,
  composedCard,
  lampLitPlate,
  landscape,
  memberCard,
  noise,
  onePixel,
} from '../test-support/poor-photos.ts';
import type { RecognizeOptions } from './local-engine.ts';

const OPTIONS: RecognizeOptions = {
  side: 'auto',
  returnVerification: false,
  returnTextLocation: true,
  returnAdjustedImage: true,
  returnPortraitImage: false,
  returnPortraitLocation: false,
  alarms: [],
};

type GroundTruth = { images: { file: string; cards: { corners: Quad }[] }[] };

async function cardCorners(file: string): Promise<Quad> {
  const truth = JSON.parse(
    await readFile(new URL('ground-truth.json', CARDS_DIR), 'utf8'),
  ) as GroundTruth;
  const corners = truth.images.find((image) => image.file === file)?.cards[0]?.corners;
  if (!corners) throw new Error(`no corners for ${file}`);
  return corners;
}

describe('local engine on images too poor to read', () => {
  const engine = oneWorkerEngine();
  const recognize = async (photo: Uint8Array, options: Partial<RecognizeOptions> = {}) =>
    (await engine().recognize(photo, { ...OPTIONS, ...options })) as Record<string, unknown>;

  it('answers a card blurred past reading with its face and every field empty', async () => {
    const result = await recognize(await blurredPhoto('015-defocus-back.jpg', 14));
    expect(result.side).toBe('back');
    for (const field of BACK_FIELDS) expect(result[field]).toBe('');
    expect(result.confidence).toEqual({ issue: 0, valid_from: 0, valid_to: 0 });
    expect(result.text_location).toEqual({});
    expect(typeof result.adjusted_image).toBe('string');
    expect((result.adjusted_image as string).length).toBeGreaterThan(1000);
  }, 60_000);

  it('answers the side asked for on such a card', async () => {
    const result = await recognize(await blurredPhoto('015-defocus-back.jpg', 14), {
      side: 'front',
    });
    expect(result.side).toBe('front');
    expect(result.name).toBe('');
    expect(result.number).toBe('');
  }, 60_000);

  // Its lines run together into one or two boxes with no border measured around them: the card
  // is found by its outline against the desk.
  it('answers a portrait side blurred into a box or two with its face', async () => {
    for (const sigma of [10, 18]) {
      const result = await recognize(await blurredPhoto('002-desk-perspective-front.jpg', sigma));
      expect(result.side).toBe('front');
      for (const field of FRONT_FIELDS) expect(result[field]).toBe('');
      expect(Object.values(result.confidence as object)).toEqual(FRONT_FIELDS.map(() => 0));
    }
  }, 60_000);

  it('straightens a blurred card held at an angle over a dark desk, and tells its side', async () => {
    for (const file of ['014-defocus-front.jpg', '005-rotation-small-back.jpg']) {
      const photo = await composedCard(file, await cardCorners(file), 'dark', 'tilted', 18);
      const result = await recognize(photo);
      expect(result.side).toBe(file.includes('front') ? 'front' : 'back');
      // The straightened face is the pale card, not the dark desk around it (grey about 75).
      const face = Buffer.from(result.adjusted_image as string, 'base64');
      expect(await meanGray(face)).toBeGreaterThan(150);
    }
  }, 60_000);

  it('turns a blurred card photographed sideways upright, its portrait at the right', async () => {
    for (const sigma of [14, 18]) {
      const result = await recognize(await blurredPhoto('006-rotation-large-front.jpg', sigma));
      expect(result.side).toBe('front');
      const face = Buffer.from(result.adjusted_image as string, 'base64');
      // The portrait's place (55-80 mm across, 5-42 mm down) and the same place turned half round.
      const portrait = { left: 550, top: 50, width: 250, height: 370 };
      const mirrored = { left: 56, top: 120, width: 250, height: 370 };
      expect(await meanGray(face, portrait)).toBeLessThan(await meanGray(face, mirrored));
    }
  }, 60_000);

  it('still finds no ID card on a card-sized plate of clear text without its labels', async () => {
    await expect(recognize(await memberCard())).rejects.toBeInstanceOf(NoCardFoundError);
    await expect(recognize(await bankCard())).rejects.toBeInstanceOf(NoCardFoundError);
  }, 60_000);

  it('finds no ID card on a blank plate, lit evenly or by a lamp', async () => {
    await expect(recognize(await blankPlate())).rejects.toBeInstanceOf(NoCardFoundError);
    await expect(recognize(await lampLitPlate())).rejects.toBeInstanceOf(NoCardFoundError);
  }, 60_000);

  it('finds no ID card where nothing is card-shaped', async () => {
    for (const photo of [blankPage, onePixel, noise, landscape]) {
      await expect(recognize(await photo())).rejects.toBeInstanceOf(NoCardFoundError);
    }
  }, 60_000);
});

/** Mean grey of a JPEG, or of one area of it. */
async function meanGray(
  jpeg: Buffer,
  area?: { left: number; top: number; width: number; height: number },
): Promise<number> {
  const image = area ? sharp(jpeg).extract(area) : sharp(jpeg);
  const pixels = await image.greyscale().raw().toBuffer();
  return pixels.reduce((sum, value) => sum + value, 0) / pixels.length;
}
