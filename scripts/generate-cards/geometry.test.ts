import { describe, expect, it } from 'vitest';
import type { Quad } from '../../src/idcard/api-contract.ts';
import { applyHomography, projectCard, quadArea, rectToQuad } from './geometry.ts';

describe('rectToQuad', () => {
  it('takes the rectangle corners onto the quad, affine or projective', () => {
    const quads: Quad[] = [
      [
        [10, 20],
        [110, 20],
        [110, 80],
        [10, 80],
      ],
      [
        [80.6, 193.1],
        [1148.2, 119.3],
        [1060.9, 657],
        [240.9, 728],
      ],
    ];
    for (const quad of quads) {
      const matrix = rectToQuad(856, 540, quad);
      const corners = [
        [0, 0],
        [856, 0],
        [856, 540],
        [0, 540],
      ] as const;
      corners.forEach(([x, y], index) => {
        const [u, v] = applyHomography(matrix, x, y);
        expect(u).toBeCloseTo(quad[index]?.[0] ?? Number.NaN, 6);
        expect(v).toBeCloseTo(quad[index]?.[1] ?? Number.NaN, 6);
      });
    }
  });
});

describe('projectCard', () => {
  const aspect = 85.6 / 54;
  const pose = { centreX: 640, centreY: 480, apparentWidth: 800, pitchDeg: 0, yawDeg: 0 };

  it('shows a card facing the camera at its apparent size', () => {
    const quad = projectCard({ ...pose, rollDeg: 0 }, aspect, 1280, 960, 1024);
    expect(quad[0][0]).toBeCloseTo(240, 6);
    expect(quad[1][0]).toBeCloseTo(1040, 6);
    expect(quad[2][1] - quad[1][1]).toBeCloseTo(800 / aspect, 6);
  });

  it('keeps the card order of corners when the card is turned', () => {
    const upright = projectCard({ ...pose, rollDeg: 0 }, aspect, 1280, 960, 1024);
    const upsideDown = projectCard({ ...pose, rollDeg: 180 }, aspect, 1280, 960, 1024);
    expect(upsideDown[0][0]).toBeCloseTo(upright[2][0], 6);
    expect(upsideDown[0][1]).toBeCloseTo(upright[2][1], 6);
    const quarter = projectCard({ ...pose, rollDeg: 90 }, aspect, 1280, 960, 1024);
    // Clockwise a quarter turn: the printed top-left corner is now at the top right.
    expect(quarter[0][0]).toBeGreaterThan(640);
    expect(quarter[0][1]).toBeLessThan(480);
  });

  it('foreshortens a tilted card', () => {
    const flat = projectCard({ ...pose, rollDeg: 0 }, aspect, 1280, 960, 1024);
    const tilted = projectCard({ ...pose, rollDeg: 0, pitchDeg: 40 }, aspect, 1280, 960, 1024);
    expect(quadArea(tilted)).toBeLessThan(quadArea(flat));
    // The edge tilted away from the camera is shorter than the one tilted towards it.
    const topWidth = tilted[1][0] - tilted[0][0];
    const bottomWidth = tilted[2][0] - tilted[3][0];
    expect(Math.abs(topWidth - bottomWidth)).toBeGreaterThan(10);
  });
});
