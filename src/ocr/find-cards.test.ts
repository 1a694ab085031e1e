import { describe, expect, it } from 'vitest';
import type { Quad } from '../idcard/api-contract.ts';
import type { DetectedBox } from './db-postprocess.ts';
import { type CardCandidate, dominantTextAngle, findCards, rowsRanTogether } from './find-cards.ts';
import type { RgbImage } from './rgb-image.ts';

/** A plain white photo: no border to measure, so clusters of text alone decide. */
function blankPhoto(width: number, height: number): RgbImage {
  return { width, height, data: new Uint8Array(width * height * 3).fill(255) };
}

function boxAt(x: number, y: number, width: number, height: number): DetectedBox {
  const box: Quad = [
    [x, y],
    [x + width, y],
    [x + width, y + height],
    [x, y + height],
  ];
  return { box, score: 0.9 };
}

/**
 * A portrait side's seven rows of `lineHeight` text, each a label and a value, the first at
 * (x, y) and the next `pitch` below.
 */
function faceText(x: number, y: number, lineHeight: number, pitch: number): DetectedBox[] {
  const values = [3, 3, 8, 11, 11, 11, 18];
  return values.flatMap((chars, row) => [
    boxAt(x, y + row * pitch, 2 * lineHeight, lineHeight),
    boxAt(x + 3 * lineHeight, y + row * pitch, chars * lineHeight, lineHeight),
  ]);
}

/** A box `length` x `height` starting at (x, y) and running at `degrees` below the horizontal. */
function tiltedBox(x: number, y: number, length: number, height: number, degrees: number) {
  const a = (degrees * Math.PI) / 180;
  const along: [number, number] = [Math.cos(a) * length, Math.sin(a) * length];
  const across: [number, number] = [-Math.sin(a) * height, Math.cos(a) * height];
  const box: Quad = [
    [x, y],
    [x + along[0], y + along[1]],
    [x + along[0] + across[0], y + along[1] + across[1]],
    [x + across[0], y + across[1]],
  ];
  return { box, score: 0.9 };
}

describe('dominantTextAngle', () => {
  it("follows the card's few long rows, not the many short tiles of a watermark", () => {
    // A pale card: its title and one value row level; six tiles of a watermark at 27°, longer
    // in all than the two rows.
    const rows = [tiltedBox(200, 250, 420, 60, 0), tiltedBox(300, 430, 200, 40, 0)];
    const tiles = [0, 1, 2, 3, 4, 5].map((i) =>
      tiltedBox(100 + 150 * i, 500 - 60 * (i % 3), 170, 45, -27),
    );
    const angle = dominantTextAngle([...rows, ...tiles]) as number;
    const offLevel = Math.min(angle, Math.PI - angle);
    expect(offLevel).toBeLessThan((2 * Math.PI) / 180);
  });
});

/** A white photo with a grey band across it from `top` to `bottom`: a border above and below. */
function bandedPhoto(width: number, height: number, top: number, bottom: number): RgbImage {
  const photo = blankPhoto(width, height);
  photo.data.fill(200, top * width * 3, bottom * width * 3);
  return photo;
}

describe('findCards', () => {
  it('takes three boxes for a card when two opposite sides of its border were measured', () => {
    // An emblem side on a copy: its two titles, and its two rows boxed as one under a usage line.
    const boxes = [boxAt(350, 250, 300, 40), boxAt(320, 310, 360, 50), boxAt(300, 430, 400, 45)];
    expect(findCards(bandedPhoto(1000, 800, 200, 520), boxes, 4)).toHaveLength(1);
    expect(findCards(blankPhoto(1000, 800), boxes, 4)).toHaveLength(0);
    expect(findCards(bandedPhoto(1000, 800, 200, 520), boxes.slice(1), 4)).toHaveLength(0);
  });

  it('takes small type spanning many line heights for one card when it is as wide as one', () => {
    // Small type: seven rows over 13.9 line heights, 1.5 times wider than tall.
    const boxes = faceText(100, 100, 20, 43);
    expect(findCards(blankPhoto(1000, 800), boxes, 4)).toHaveLength(1);
  });

  it("frames the card along its read rows from its own text, not from a mark's line", () => {
    const text = faceText(100, 100, 20, 43);
    // A usage line written at 24° from inside the card down past its bottom row.
    const mark = tiltedBox(150, 280, 420, 28, 24);
    // Straightened again along the rows the card was read to have, level.
    const [plain] = findCards(blankPhoto(1000, 800), text, 4, 0);
    const [marked] = findCards(blankPhoto(1000, 800), [...text, mark], 4, 0);
    expect(marked?.corners).toEqual(plain?.corners);
    // Its centre lies on the card, so it is still read with the card's boxes.
    expect(marked?.boxes).toContain(mark);
  });

  it("keeps a wide face's rows together when a usage line hid a row between them", () => {
    // A portrait side printed without a photo, as a copy shop's template makes it: its name and
    // sex rows, then (the birth row lost under a usage line) its address, a stamp and its number
    // row, the number running far right of the address above it.
    const boxes = [
      boxAt(103, 128, 169, 40),
      boxAt(102, 203, 138, 33),
      boxAt(227, 207, 91, 28),
      boxAt(101, 340, 428, 36),
      boxAt(203, 394, 237, 30),
      boxAt(595, 494, 63, 23),
      boxAt(363, 522, 384, 30),
      boxAt(106, 525, 174, 25),
    ];
    const cards = findCards(blankPhoto(1024, 660), boxes, 4);
    expect(cards).toHaveLength(1);
    expect(cards[0]?.boxes).toHaveLength(boxes.length);
  });

  it('finds a card outlined all around before the larger text of a form beside it', () => {
    // A grey card 428 x 270 px on a white page, and ten wide lines of a form's print to its left.
    const photo = blankPhoto(1600, 1000);
    for (let y = 300; y < 570; y++)
      photo.data.fill(200, (y * 1600 + 900) * 3, (y * 1600 + 1328) * 3);
    const card = faceText(930, 330, 14, 30);
    const form = Array.from({ length: 10 }, (_, row) => boxAt(40, 100 + 40 * row, 700, 20));
    const [first] = findCards(photo, [...form, ...card], 1);
    expect(first?.outlined).toBe(true);
    expect(first?.boxes).toHaveLength(card.length);
  });

  it('keeps two stacked faces set off to one side apart', () => {
    const top = faceText(100, 60, 20, 26);
    const bottom = faceText(180, 300, 20, 26);
    expect(findCards(blankPhoto(1000, 800), [...top, ...bottom], 4)).toHaveLength(2);
  });
});

describe('rowsRanTogether', () => {
  /** A card 428 x 270 px holding `boxes`. */
  function cardOf(boxes: DetectedBox[]): CardCandidate {
    return {
      corners: [
        [0, 0],
        [428, 0],
        [428, 270],
        [0, 270],
      ],
      boxes,
      outlined: false,
    };
  }

  it('tells rows boxed as blobs from rows boxed one by one', () => {
    const blobs = [boxAt(40, 40, 300, 60), boxAt(40, 120, 300, 56)];
    const lines = faceText(40, 30, 22, 34);
    expect(rowsRanTogether(cardOf(blobs))).toBe(true);
    expect(rowsRanTogether(cardOf(lines))).toBe(false);
  });
});
