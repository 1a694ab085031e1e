import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CAPTURE_CARDS,
  type CardPose,
  renderFrames,
  type Stretch,
  VIDEO_SIZE,
} from '../../../e2e/support/card-video.ts';
import { type Hint, judge } from './capture-rules.ts';
import { analyseFrame, type FrameAnalysis } from './frame-analysis.ts';

// Frames of the generated capture video, analysed at the live view's analysis size.
const ANALYSIS = { width: 480, height: 270 };
const steady: CardPose = { x: 0.5, y: 0.5, size: 0.6 };

async function analysed(stretches: Stretch[]): Promise<FrameAnalysis[]> {
  const out: FrameAnalysis[] = [];
  for await (const frame of renderFrames(stretches, CAPTURE_CARDS)) {
    const small = await sharp(frame, { raw: { ...VIDEO_SIZE, channels: 3 } })
      .resize(ANALYSIS.width, ANALYSIS.height)
      .raw()
      .toBuffer();
    out.push(analyseFrame({ ...ANALYSIS, data: new Uint8Array(small) }));
  }
  return out;
}

const one = (from: CardPose, card: Stretch['card'] = 'front'): Stretch => ({
  card,
  frames: 1,
  from,
});

describe('capture rules on generated camera frames', () => {
  const cases: [string, Stretch, Hint][] = [
    ['a dim room', one({ ...steady, light: 0.2 }), 'dark'],
    ['an empty desk', one(steady, null), 'no-card'],
    ['a card far away', one({ ...steady, size: 0.3 }), 'too-far'],
    ['a card filling the whole frame', one({ ...steady, size: 0.86 }), 'too-close'],
    // A card running off the frame lets the desk in along its cut side: '未找到证件，请将整张证件放入画面'.
    ['a card running off the frame', one({ ...steady, x: 0.25 }), 'no-card'],
    ['a card seen from the side', one({ ...steady, shear: 0.45 }), 'tilted'],
    ['a defocused card', one({ ...steady, blur: 4 }), 'blurred'],
    ['a reflection on the card', one({ ...steady, glare: true }), 'glare'],
  ];
  let frames: FrameAnalysis[] = [];
  beforeAll(async () => {
    frames = await analysed(cases.map(([, stretch]) => stretch));
  }, 60_000);

  it.each(cases.map(([name, , hint], i) => [name, hint, i] as const))(
    '%s: %s',
    (_name, hint, i) => {
      const frame = frames[i] as FrameAnalysis;
      expect(judge([frame, frame, frame], null)).toEqual({ hint, shoot: false });
    },
  );

  it('finds the card within 2 % of its width at each corner', () => {
    const card = frames[4]?.card;
    // The sheared card: top edge shifted left, bottom edge right by shear × half height.
    const scale = ANALYSIS.width / VIDEO_SIZE.width;
    const w = 0.6 * VIDEO_SIZE.width;
    const h = (w * 540) / 856;
    const cx = VIDEO_SIZE.width / 2;
    const cy = VIDEO_SIZE.height / 2;
    const truth = [
      [cx - w / 2 - 0.45 * (h / 2), cy - h / 2],
      [cx + w / 2 - 0.45 * (h / 2), cy - h / 2],
      [cx + w / 2 + 0.45 * (h / 2), cy + h / 2],
      [cx - w / 2 + 0.45 * (h / 2), cy + h / 2],
    ].map(([x = 0, y = 0]) => [x * scale, y * scale]);
    expect(card).toBeDefined();
    card?.quad.forEach(([x, y], i) => {
      const [tx = 0, ty = 0] = truth[i] ?? [];
      expect(Math.hypot(x - tx, y - ty)).toBeLessThan(0.02 * w * scale);
    });
  });
});

describe('shooting', () => {
  it('waits for three steady sharp frames, and not while the card moves', async () => {
    const moving = await analysed([
      { card: 'front', frames: 3, from: { ...steady, x: 0.44 }, to: { ...steady, x: 0.56 } },
    ]);
    expect(judge(moving, null)).toEqual({ hint: 'moving', shoot: false });
    const still = await analysed([{ card: 'front', frames: 3, from: steady }]);
    expect(judge(still.slice(0, 2), null)).toEqual({ hint: 'hold', shoot: false });
    expect(judge(still, null)).toEqual({ hint: 'hold', shoot: true });
  }, 60_000);

  it('asks to turn the card over while the face already taken is still in view', async () => {
    const [front, back] = await analysed([one(steady), one({ ...steady, turn: 2 }, 'back')]);
    const taken = front?.card?.signature ?? null;
    expect(taken).not.toBeNull();
    const again = front as FrameAnalysis;
    expect(judge([again, again, again], taken).hint).toBe('same-face');
    const other = back as FrameAnalysis;
    expect(judge([other, other, other], taken)).toEqual({ hint: 'hold', shoot: true });
  }, 60_000);
});
