import { distance } from '../../ocr/geometry.ts';
import type { CardMeasures, FrameAnalysis } from './frame-analysis.ts';
import { faceSimilarity } from './frame-analysis.ts';

/**
 * When the live view shoots by itself, and what it tells the clerk otherwise. Every threshold
 * is here, measured on the analysis frames (about 480 px wide) of the generated card videos and
 * the committed card photos; `capture-rules.test.ts` holds the frames they were set on.
 */
export const CAPTURE_RULES = {
  /** Frame mean below this: the finder cannot see the card's edges, and the print would be noise. */
  darkFrame: 45,
  /** Card mean below this: a generated card's light background measures 170-220 in good light. */
  darkCard: 80,
  /** The card's long side under 45 % of the frame's room: about 510 px of card on a 1280 × 720
   * camera, which the capture video's card (about 770 px) is comfortably above; asking for more
   * would keep clerks with 720p webcams moving the card back and forth. */
  minSizeShare: 0.45,
  /** Over 95 % of the room (or touching the edge): the crop would lose the card's border. */
  maxSizeShare: 0.95,
  /** A corner more than 12° off square: the far side is small and the near side's print is
   * stretched; the straightening recovers up to about this much without losing the far text. */
  maxSkewDegrees: 12,
  /** A corner moving more than 1.5 % of the card's length between analysed frames is a hand
   * still moving; the shot would be taken from a frame that is smeared. */
  maxMotionShare: 0.015,
  /** Variance of the Laplacian on the 256 px straightened card: the generated cards measure
   * 1,400-1,900 sharp and under 100 with the full-size frame blurred by 4 px; a far card,
   * enlarged to the patch, about 280 (it is told to come closer first anyway). */
  minSharpness: 350,
  /** More than 0.4 % of the card blown out is a reflection big enough to hide a character. */
  maxGlareShare: 0.004,
  /** Consecutive frames with nothing to say before the shot: steadiness over about a third of
   * a second at phone frame rates, without making the clerk wait. */
  steadyFrames: 3,
  /** Correlation with the face already taken above this: the card was not turned over yet
   * (the same face moved, turned by 5° or end over end measures 0.96-0.99, the other face
   * 0.22-0.25). */
  sameFaceSimilarity: 0.8,
} as const;

/** One hint at a time, the most useful first: the order of this list. */
export const HINT_ORDER = [
  'dark',
  'no-card',
  'too-far',
  'too-close',
  'same-face',
  'tilted',
  'moving',
  'blurred',
  'glare',
] as const;
export type Problem = (typeof HINT_ORDER)[number];
export type Hint = Problem | 'hold';

export const HINT_TEXT: Record<Hint, string> = {
  dark: '光线太暗，请到明亮处',
  'no-card': '未找到证件，请将整张证件放入画面',
  'too-far': '离得太远，请靠近一些',
  'too-close': '离得太近，请拿远一些',
  'same-face': '请翻面',
  tilted: '证件倾斜，请正对镜头',
  moving: '请拿稳，不要晃动',
  blurred: '画面模糊，请拿稳并稍等对焦',
  glare: '证件反光，请换个角度避开灯光',
  hold: '保持不动，即将自动拍摄',
};

/** Every problem the newest frame has, given the frame before it and the face already taken. */
export function frameProblems(
  frame: FrameAnalysis,
  previous: FrameAnalysis | null,
  takenFace: Float32Array | null,
): Problem[] {
  const rules = CAPTURE_RULES;
  const problems: Problem[] = [];
  const card = frame.card;
  if (frame.brightness < rules.darkFrame || (card && card.brightness < rules.darkCard)) {
    problems.push('dark');
  }
  if (!card) return [...problems, 'no-card'];
  if (card.sizeShare < rules.minSizeShare) problems.push('too-far');
  if (card.sizeShare > rules.maxSizeShare || card.atEdge) problems.push('too-close');
  if (takenFace && faceSimilarity(card.signature, takenFace) > rules.sameFaceSimilarity) {
    problems.push('same-face');
  }
  if (card.skewDegrees > rules.maxSkewDegrees) problems.push('tilted');
  if (previous?.card && motionShare(card, previous.card) > rules.maxMotionShare) {
    problems.push('moving');
  }
  if (card.sharpness < rules.minSharpness) problems.push('blurred');
  if (card.glareShare > rules.maxGlareShare) problems.push('glare');
  return problems;
}

/** The largest corner movement between two frames, over the card's length. */
function motionShare(card: CardMeasures, before: CardMeasures): number {
  const moved = Math.max(
    ...card.quad.map((corner, i) => distance(corner, before.quad[i] ?? corner)),
  );
  return moved / distance(card.quad[0], card.quad[1]);
}

export type Verdict = { hint: Hint; shoot: boolean };

/**
 * The hint for the newest of `frames` (oldest first), and whether to shoot now: the last
 * `steadyFrames` frames all without a problem.
 */
export function judge(frames: readonly FrameAnalysis[], takenFace: Float32Array | null): Verdict {
  const count = frames.length;
  if (count === 0) return { hint: 'no-card', shoot: false };
  const problemsAt = (i: number) =>
    frameProblems(frames[i] as FrameAnalysis, frames[i - 1] ?? null, takenFace);
  const newest = problemsAt(count - 1);
  if (newest.length > 0) {
    const hint = HINT_ORDER.find((problem) => newest.includes(problem)) ?? 'no-card';
    return { hint, shoot: false };
  }
  const steady = CAPTURE_RULES.steadyFrames;
  if (count < steady) return { hint: 'hold', shoot: false };
  for (let i = count - steady; i < count - 1; i += 1) {
    if (problemsAt(i).length > 0) return { hint: 'hold', shoot: false };
  }
  return { hint: 'hold', shoot: true };
}
