import type { Quad } from '../../idcard/api-contract.ts';
import { assessment, type QualityAssessment } from './quality-assessment.ts';
import { QUALITY_THRESHOLDS } from './quality-thresholds.ts';

const { touchingMargin, comfortableMargin, touchingScore, fullyCutFraction, problemAt } =
  QUALITY_THRESHOLDS.border;

type Point = readonly [number, number];

function polygonArea(points: readonly Point[]): number {
  let twice = 0;
  points.forEach(([x1, y1], i) => {
    const [x2, y2] = points[(i + 1) % points.length] ?? [x1, y1];
    twice += x1 * y2 - x2 * y1;
  });
  return Math.abs(twice) / 2;
}

/** Sutherland-Hodgman: the part of a convex polygon on the inner side of one edge line. */
function clip(points: readonly Point[], inside: (p: Point) => number): Point[] {
  const kept: Point[] = [];
  points.forEach((current, i) => {
    const previous = points[(i + points.length - 1) % points.length] ?? current;
    const a = inside(previous);
    const b = inside(current);
    if (a >= 0 !== b >= 0) {
      const t = a / (a - b);
      kept.push([
        previous[0] + (current[0] - previous[0]) * t,
        previous[1] + (current[1] - previous[1]) * t,
      ]);
    }
    if (b >= 0) kept.push(current);
  });
  return kept;
}

function areaInsideFrame(quad: Quad, width: number, height: number): number {
  let polygon: Point[] = [...quad];
  polygon = clip(polygon, ([x]) => x);
  polygon = clip(polygon, ([x]) => width - x);
  polygon = clip(polygon, ([, y]) => y);
  polygon = clip(polygon, ([, y]) => height - y);
  return polygon.length < 3 ? 0 : polygonArea(polygon);
}

/**
 * `detect_border_integrity`: whether the card runs off the frame. `cardCornersInImage` are the
 * card's corners as found (extrapolated from its edges, so they may lie outside the image). A
 * card partly outside scores from 60 up to 100 at a tenth of its area cut off; one with a
 * corner on the frame's edge scores 55; inside, the score falls as the margin grows.
 */
export function assessBorderIntegrity(
  cardCornersInImage: Quad,
  imageWidth: number,
  imageHeight: number,
): QualityAssessment {
  const cardArea = polygonArea(cardCornersInImage);
  if (cardArea === 0) return assessment(100, problemAt);
  const outside = 1 - areaInsideFrame(cardCornersInImage, imageWidth, imageHeight) / cardArea;
  if (outside > 1e-6) {
    return assessment(60 + 40 * Math.min(1, outside / fullyCutFraction), problemAt);
  }
  const shorter = Math.min(imageWidth, imageHeight);
  const margin =
    Math.min(
      ...cardCornersInImage.map(([x, y]) => Math.min(x, y, imageWidth - x, imageHeight - y)),
    ) / shorter;
  if (margin <= touchingMargin) return assessment(touchingScore, problemAt);
  const closeness =
    1 - Math.min(1, (margin - touchingMargin) / (comfortableMargin - touchingMargin));
  return assessment(touchingScore * 0.9 * closeness, problemAt);
}
