import { describe, expect, it } from 'vitest';
import type { Quad } from '../idcard/api-contract.ts';
import { FACE_CORNERS, FACE_HEIGHT, FACE_WIDTH } from './card-geometry.ts';
import { emblemRed } from './emblem-red.ts';
import { applyHomography, homographyFromQuads } from './geometry.ts';
import { uprightIllegibleScan } from './outlined-card.ts';
import type { ScannedCard } from './read-cards.ts';
import type { RgbImage } from './rgb-image.ts';

/** A pale face with a red disc (the emblem) centred at `emblemX`, filling the whole photo. */
function emblemSide(emblemX: number): RgbImage {
  const data = new Uint8Array(FACE_WIDTH * FACE_HEIGHT * 3).fill(225);
  for (let y = 0; y < FACE_HEIGHT; y++) {
    for (let x = 0; x < FACE_WIDTH; x++) {
      if (Math.hypot(x - emblemX, y - 150) > 80) continue;
      data.set([200, 40, 40], (y * FACE_WIDTH + x) * 3);
    }
  }
  return { width: FACE_WIDTH, height: FACE_HEIGHT, data };
}

function scanOf(photo: RgbImage): ScannedCard {
  const box: Quad = [
    [100, 400],
    [300, 400],
    [300, 430],
    [100, 430],
  ];
  return {
    face: {
      width: FACE_WIDTH,
      height: FACE_HEIGHT,
      lines: [{ text: '?', score: 0.2, chars: [], box }],
    },
    faceImage: () => photo,
    faceToPhoto: homographyFromQuads(FACE_CORNERS, FACE_CORNERS),
  };
}

describe('uprightIllegibleScan', () => {
  it('turns an emblem side whose emblem stands right half round, with its boxes', () => {
    const photo = emblemSide(700);
    const turned = uprightIllegibleScan(photo, scanOf(photo));
    expect(emblemRed(turned.faceImage()).centreX).toBeLessThan(FACE_WIDTH / 2);
    const [x, y] = applyHomography(turned.faceToPhoto, 0, 0);
    expect(x).toBeCloseTo(FACE_WIDTH);
    expect(y).toBeCloseTo(FACE_HEIGHT);
    expect(turned.face.lines[0]?.box[0]).toEqual([FACE_WIDTH - 300, FACE_HEIGHT - 430]);
  });

  it('leaves a face standing upright as it is', () => {
    const photo = emblemSide(150);
    const scan = scanOf(photo);
    expect(uprightIllegibleScan(photo, scan)).toBe(scan);
  });
});
