import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { BACK_FIELDS } from '../../idcard/api-contract.ts';
import { NoCardFoundError } from '../../ocr/errors.ts';
import { oneWorkerEngine } from '../test-support/one-worker-engine.ts';
import type { RecognizeOptions } from './local-engine.ts';

const CARDS = new URL('../../../e2e/fixtures/cards/', import.meta.url);

const OPTIONS: RecognizeOptions = {
  side: 'auto',
  returnVerification: false,
  returnTextLocation: true,
  returnAdjustedImage: true,
  returnPortraitImage: false,
  returnPortraitLocation: false,
  alarms: [],
};

/** A committed card photo blurred far past reading (Gaussian sigma in pixels). */
async function blurred(file: string, sigma: number): Promise<Uint8Array> {
  const photo = await readFile(new URL(file, CARDS));
  return new Uint8Array(await sharp(photo).blur(sigma).jpeg({ quality: 90 }).toBuffer());
}

/** A card-sized white plate on a dark desk with sharp Chinese text that is no ID card's. */
async function legibleNonCard(): Promise<Uint8Array> {
  const lines = [
    '会员卡 金卡会员专享',
    '持卡人 请妥善保管本卡',
    '积分兑换 每月一日更新',
    '客服电话 请见背面',
  ];
  const text = lines
    .map((line, i) => `<text x="80" y="${170 + i * 90}" font-size="44">${line}</text>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="960">
    <rect width="1280" height="960" fill="#4a3b2f"/>
    <rect x="40" y="60" width="1000" height="631" rx="30" fill="#f4f4f0"/>
    <g fill="#111" font-family="Noto Sans CJK SC">${text}</g></svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).jpeg({ quality: 92 }).toBuffer());
}

describe('local engine on images too poor to read', () => {
  const engine = oneWorkerEngine();

  it('answers a card blurred past reading with its face and every field empty', async () => {
    const result = (await engine().recognize(
      await blurred('015-defocus-back.jpg', 14),
      OPTIONS,
    )) as Record<string, unknown>;
    expect(result.side).toBe('back');
    for (const field of BACK_FIELDS) expect(result[field]).toBe('');
    expect(result.confidence).toEqual({ issue: 0, valid_from: 0, valid_to: 0 });
    expect(result.text_location).toEqual({});
    expect(typeof result.adjusted_image).toBe('string');
    expect((result.adjusted_image as string).length).toBeGreaterThan(1000);
  }, 60_000);

  it('answers the side asked for on such a card', async () => {
    const result = (await engine().recognize(await blurred('015-defocus-back.jpg', 14), {
      ...OPTIONS,
      side: 'front',
    })) as Record<string, unknown>;
    expect(result.side).toBe('front');
    expect(result.name).toBe('');
    expect(result.number).toBe('');
  }, 60_000);

  it('still finds no ID card on a card-sized plate of clear text without its labels', async () => {
    await expect(engine().recognize(await legibleNonCard(), OPTIONS)).rejects.toBeInstanceOf(
      NoCardFoundError,
    );
  }, 60_000);
});
