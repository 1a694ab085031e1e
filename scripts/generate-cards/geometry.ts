import type { Quad } from '../../src/idcard/api-contract.ts';

/** A 3x3 projective transform, row-major: (x, y, 1) -> (X, Y, W), image point (X/W, Y/W). */
export type Homography = readonly [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

/**
 * The homography taking the rectangle (0,0)-(width,height) onto `quad` (top-left, top-right,
 * bottom-right, bottom-left). Closed form for the unit square from Heckbert, "Fundamentals of
 * Texture Mapping and Image Warping" (1989), section 2.2.3, then scaled to the rectangle.
 */
export function rectToQuad(width: number, height: number, quad: Quad): Homography {
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = quad;
  const dx1 = x1 - x2;
  const dx2 = x3 - x2;
  const dx3 = x0 - x1 + x2 - x3;
  const dy1 = y1 - y2;
  const dy2 = y3 - y2;
  const dy3 = y0 - y1 + y2 - y3;
  const denominator = dx1 * dy2 - dx2 * dy1;
  const g = (dx3 * dy2 - dx2 * dy3) / denominator;
  const h = (dx1 * dy3 - dx3 * dy1) / denominator;
  const a = x1 - x0 + g * x1;
  const b = x3 - x0 + h * x3;
  const d = y1 - y0 + g * y1;
  const e = y3 - y0 + h * y3;
  return [a / width, b / height, x0, d / width, e / height, y0, g / width, h / height, 1];
}

export function applyHomography(matrix: Homography, x: number, y: number): [number, number] {
  const [a, b, c, d, e, f, g, h, i] = matrix;
  const w = g * x + h * y + i;
  return [(a * x + b * y + c) / w, (d * x + e * y + f) / w];
}

/**
 * CSS `matrix3d` (column-major 4x4) acting on an element's plane exactly as `matrix` does, with
 * `transform-origin: 0 0`; the browser then draws the element in true perspective.
 */
export function cssMatrix3d(matrix: Homography): string {
  const [a, b, c, d, e, f, g, h, i] = matrix;
  const values = [a, d, 0, g, b, e, 0, h, 0, 0, 1, 0, c, f, 0, i];
  return `matrix3d(${values.map((value) => value.toPrecision(10)).join(',')})`;
}

/** How a card sits in front of the camera. */
export type CardPose = {
  /** Centre of the card in the image, pixels. */
  centreX: number;
  centreY: number;
  /** Width the card would have in the image if it faced the camera squarely, pixels. */
  apparentWidth: number;
  /** In-plane rotation, degrees clockwise as seen in the image. */
  rollDeg: number;
  /** Tilt away from the camera about the card's horizontal and vertical axes, degrees. */
  pitchDeg: number;
  yawDeg: number;
};

/**
 * Where the corners of a card in `pose` land in an image of `imageWidth` x `imageHeight` taken
 * by a pinhole camera with focal length `focal` (pixels), corners in the card's own order.
 */
export function projectCard(
  pose: CardPose,
  aspect: number,
  imageWidth: number,
  imageHeight: number,
  focal: number,
): Quad {
  const toRad = Math.PI / 180;
  const roll = pose.rollDeg * toRad;
  const pitch = pose.pitchDeg * toRad;
  const yaw = pose.yawDeg * toRad;
  const halfW = pose.apparentWidth / 2;
  const halfH = halfW / aspect;
  const depth = focal;
  // The card's centre lies on the ray through its image centre, at the depth where it has its
  // apparent width.
  const centre = [
    ((pose.centreX - imageWidth / 2) * depth) / focal,
    ((pose.centreY - imageHeight / 2) * depth) / focal,
    depth,
  ] as const;
  const corners: [number, number][] = [
    [-halfW, -halfH],
    [halfW, -halfH],
    [halfW, halfH],
    [-halfW, halfH],
  ];
  const project = ([x, y]: [number, number]): [number, number] => {
    // Roll in the card plane, then pitch about x, then yaw about y.
    const rx = x * Math.cos(roll) - y * Math.sin(roll);
    const ry = x * Math.sin(roll) + y * Math.cos(roll);
    const py = ry * Math.cos(pitch);
    const pz = ry * Math.sin(pitch);
    const yx = rx * Math.cos(yaw) + pz * Math.sin(yaw);
    const yz = -rx * Math.sin(yaw) + pz * Math.cos(yaw);
    const X = centre[0] + yx;
    const Y = centre[1] + py;
    const Z = centre[2] + yz;
    return [imageWidth / 2 + (focal * X) / Z, imageHeight / 2 + (focal * Y) / Z];
  };
  return corners.map(project) as unknown as Quad;
}

export function quadBounds(quad: Quad) {
  const xs = quad.map(([x]) => x);
  const ys = quad.map(([, y]) => y);
  return {
    left: Math.min(...xs),
    top: Math.min(...ys),
    right: Math.max(...xs),
    bottom: Math.max(...ys),
  };
}

/** Area of a simple polygon (shoelace formula). */
export function quadArea(quad: Quad): number {
  let twice = 0;
  for (let index = 0; index < 4; index++) {
    const [x1, y1] = quad[index] as [number, number];
    const [x2, y2] = quad[(index + 1) % 4] as [number, number];
    twice += x1 * y2 - x2 * y1;
  }
  return Math.abs(twice) / 2;
}

export function scaleQuad(quad: Quad, factor: number): Quad {
  return quad.map(([x, y]) => [x * factor, y * factor]) as unknown as Quad;
}
