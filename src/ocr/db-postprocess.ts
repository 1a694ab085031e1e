import type { Quad } from '../idcard/api-contract.ts';
import {
  distance,
  insideConvex,
  minAreaRect,
  orderCorners,
  type Point,
  rectCorners,
} from './geometry.ts';
import { DET_PARAMS } from './ocr-params.ts';

export type DetectedBox = {
  /** Corners in the destination image: top-left, top-right, bottom-right, bottom-left. */
  box: Quad;
  /** Mean text probability inside the box before it was grown (`box_score_fast`). */
  score: number;
};

export type DbParams = Pick<
  typeof DET_PARAMS,
  'thresh' | 'boxThresh' | 'unclipRatio' | 'maxCandidates' | 'minSize'
>;

export type ProbabilityMap = { data: Float32Array; width: number; height: number };

/**
 * 8-connected regions of the thresholded map, each as its border pixels (enough for the hull),
 * in the order cv2.findContours would meet them (top to bottom).
 */
function textRegions(map: ProbabilityMap, thresh: number, maxRegions: number): Point[][] {
  const { data, width, height } = map;
  const label = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  const regions: Point[][] = [];
  const isText = (i: number) => (data[i] as number) > thresh;
  for (let start = 0; start < width * height && regions.length < maxRegions; start++) {
    if (label[start] !== 0 || !isText(start)) continue;
    const id = regions.length + 1;
    const border: Point[] = [];
    let top = 0;
    stack[top++] = start;
    label[start] = id;
    while (top > 0) {
      const i = stack[--top] as number;
      const x = i % width;
      const y = (i - x) / width;
      let onBorder = false;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          if (dx === 0 && dy === 0) continue;
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
            onBorder = true;
            continue;
          }
          const n = ny * width + nx;
          if (!isText(n)) {
            onBorder = true;
          } else if (label[n] === 0) {
            label[n] = id;
            stack[top++] = n;
          }
        }
      }
      if (onBorder) border.push([x, y]);
    }
    regions.push(border);
  }
  return regions;
}

/**
 * `box_score_fast`: the mean probability over the pixels inside the box, scanned over the box's
 * bounding rectangle.
 */
export function boxScoreFast(map: ProbabilityMap, box: Point[]): number {
  const xs = box.map((p) => p[0]);
  const ys = box.map((p) => p[1]);
  const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);
  const xmin = clamp(Math.floor(Math.min(...xs)), map.width - 1);
  const xmax = clamp(Math.ceil(Math.max(...xs)), map.width - 1);
  const ymin = clamp(Math.floor(Math.min(...ys)), map.height - 1);
  const ymax = clamp(Math.ceil(Math.max(...ys)), map.height - 1);
  let sum = 0;
  let count = 0;
  for (let y = ymin; y <= ymax; y++) {
    for (let x = xmin; x <= xmax; x++) {
      if (!insideConvex(box, x, y)) continue;
      sum += map.data[y * map.width + x] as number;
      count++;
    }
  }
  return count === 0 ? 0 : sum / count;
}

/**
 * `DBPostProcess.boxes_from_bitmap` with `score_mode='fast'` and `box_type='quad'`, followed by
 * `filter_tag_det_res`. The unclip step grows the kernel's rectangle by
 * `area * unclipRatio / perimeter` on every side, which is what pyclipper's rounded offset of a
 * rectangle reduces to once `get_mini_boxes` takes its bounding rectangle again.
 */
export function dbPostprocess(
  map: ProbabilityMap,
  dest: { width: number; height: number },
  params: DbParams = DET_PARAMS,
): DetectedBox[] {
  const boxes: DetectedBox[] = [];
  for (const region of textRegions(map, params.thresh, params.maxCandidates)) {
    const rect = minAreaRect(region);
    if (Math.min(rect.width, rect.height) < params.minSize) continue;
    const score = boxScoreFast(map, orderCorners(rectCorners(rect)));
    if (score < params.boxThresh) continue;
    const area = rect.width * rect.height;
    const grow = (area * params.unclipRatio) / (2 * (rect.width + rect.height));
    const grown = { ...rect, width: rect.width + 2 * grow, height: rect.height + 2 * grow };
    if (Math.min(grown.width, grown.height) < params.minSize + 2) continue;
    const scaled = rectCorners(grown).map(
      ([x, y]): Point => [
        Math.min(Math.max(Math.round((x / map.width) * dest.width), 0), dest.width - 1),
        Math.min(Math.max(Math.round((y / map.height) * dest.height), 0), dest.height - 1),
      ],
    );
    const box = orderCorners(scaled);
    if (distance(box[0], box[1]) <= 3 || distance(box[0], box[3]) <= 3) continue;
    boxes.push({ box, score });
  }
  return boxes;
}
