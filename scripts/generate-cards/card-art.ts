import type { SeededRandom } from './seeded-random.ts';

/**
 * Drawn stand-ins for the card's printed artwork, as SVG in millimetre user units. None of it
 * reproduces the real design: the security background is generic guilloche, the emblem is a
 * plain red-and-gold roundel and the portrait is a faceless silhouette.
 */

const round = (value: number) => Math.round(value * 100) / 100;

/** Bands of fine interleaved sine waves across the card, like a banknote's background. */
export function guillochePaths(
  random: SeededRandom,
  width: number,
  height: number,
  colors: readonly string[],
): string {
  const paths: string[] = [];
  const bands = random.int(3, 5);
  for (let band = 0; band < bands; band++) {
    const centre = random.float(0.1, 0.9) * height;
    const amplitude = random.float(2, 7);
    const wavelength = random.float(9, 22);
    const strands = random.int(5, 9);
    const color = random.pick(colors);
    for (let strand = 0; strand < strands; strand++) {
      const phase = (strand / strands) * Math.PI * 2;
      const points: string[] = [];
      for (let x = 0; x <= width; x += 0.4) {
        const y =
          centre +
          amplitude * Math.sin((x / wavelength) * Math.PI * 2 + phase) +
          (amplitude / 3) * Math.sin((x / (wavelength * 2.7)) * Math.PI * 2 - phase);
        points.push(`${round(x)},${round(y)}`);
      }
      paths.push(
        `<polyline points="${points.join(' ')}" fill="none" stroke="${color}" stroke-width="0.06"/>`,
      );
    }
  }
  return paths.join('');
}

/** A spirograph rosette (hypotrochoid), the classic centrepiece of security printing. */
export function rosettePath(
  random: SeededRandom,
  cx: number,
  cy: number,
  radius: number,
  color: string,
): string {
  const big = radius;
  const small = radius * random.float(0.18, 0.32);
  const pen = small * random.float(0.8, 1.6);
  const turns = 40;
  const points: string[] = [];
  for (let step = 0; step <= turns * 90; step++) {
    const t = (step / 90) * Math.PI * 2;
    const x = (big - small) * Math.cos(t) + pen * Math.cos(((big - small) / small) * t);
    const y = (big - small) * Math.sin(t) - pen * Math.sin(((big - small) / small) * t);
    points.push(`${round(cx + x * 0.6)},${round(cy + y * 0.6)}`);
  }
  return `<polyline points="${points.join(' ')}" fill="none" stroke="${color}" stroke-width="0.05"/>`;
}

/** A red disc with a gold ring, rays and a star: a placeholder where the emblem is printed. */
export function emblemPlaceholder(x: number, y: number, width: number, height: number): string {
  const cx = x + width / 2;
  const cy = y + height / 2 - 0.6;
  const r = Math.min(width, height) / 2 - 0.4;
  const rays: string[] = [];
  for (let ray = 0; ray < 24; ray++) {
    const angle = (ray / 24) * Math.PI * 2;
    const inner = r * 0.42;
    const outer = r * 0.72;
    rays.push(
      `<line x1="${round(cx + inner * Math.cos(angle))}" y1="${round(cy + inner * Math.sin(angle))}" x2="${round(cx + outer * Math.cos(angle))}" y2="${round(cy + outer * Math.sin(angle))}" stroke="#f2c14e" stroke-width="0.35"/>`,
    );
  }
  return [
    `<circle cx="${round(cx)}" cy="${round(cy)}" r="${round(r)}" fill="#c8242c"/>`,
    `<circle cx="${round(cx)}" cy="${round(cy)}" r="${round(r * 0.86)}" fill="none" stroke="#e9b949" stroke-width="0.7"/>`,
    ...rays,
    `<polygon points="${starPoints(cx, cy, r * 0.34, r * 0.14)}" fill="#f4c84f"/>`,
    `<rect x="${round(cx - r * 0.75)}" y="${round(cy + r * 0.9)}" width="${round(r * 1.5)}" height="${round(r * 0.3)}" rx="0.4" fill="#d9a640"/>`,
  ].join('');
}

function starPoints(cx: number, cy: number, outer: number, inner: number): string {
  const points: string[] = [];
  for (let corner = 0; corner < 10; corner++) {
    const radius = corner % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (corner * Math.PI) / 5;
    points.push(`${round(cx + radius * Math.cos(angle))},${round(cy + radius * Math.sin(angle))}`);
  }
  return points.join(' ');
}

/** A head-and-shoulders silhouette on a pale photo background; never a face. */
export function portraitSilhouette(
  random: SeededRandom,
  x: number,
  y: number,
  width: number,
  height: number,
): string {
  const tone = random.pick(['#5d646c', '#6f6a66', '#55606a', '#7a726c']);
  const hair = random.pick(['#1f1f22', '#2b2622', '#3a332d', '#141414']);
  const headRx = width * random.float(0.2, 0.24);
  const headRy = height * random.float(0.22, 0.25);
  const cx = x + width / 2 + random.float(-0.6, 0.6);
  const cy = y + height * 0.38;
  const shoulderTop = cy + headRy * 1.25;
  const bottom = y + height;
  const neck = headRx * 0.55;
  const body = [
    `M ${round(cx - neck)} ${round(cy + headRy * 0.8)}`,
    `L ${round(cx - neck)} ${round(shoulderTop)}`,
    `Q ${round(x + width * 0.12)} ${round(shoulderTop + 1)} ${round(x + width * 0.04)} ${round(bottom)}`,
    `L ${round(x + width * 0.96)} ${round(bottom)}`,
    `Q ${round(x + width * 0.88)} ${round(shoulderTop + 1)} ${round(cx + neck)} ${round(shoulderTop)}`,
    `L ${round(cx + neck)} ${round(cy + headRy * 0.8)} Z`,
  ].join(' ');
  return [
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="url(#front-portrait-bg)"/>`,
    `<path d="${body}" fill="${tone}"/>`,
    `<ellipse cx="${round(cx)}" cy="${round(cy)}" rx="${round(headRx)}" ry="${round(headRy)}" fill="${tone}"/>`,
    `<path d="M ${round(cx - headRx * 1.02)} ${round(cy)} Q ${round(cx - headRx)} ${round(cy - headRy * 1.25)} ${round(cx)} ${round(cy - headRy * 1.08)} Q ${round(cx + headRx)} ${round(cy - headRy * 1.25)} ${round(cx + headRx * 1.02)} ${round(cy)} Q ${round(cx)} ${round(cy - headRy * 0.6)} ${round(cx - headRx * 1.02)} ${round(cy)} Z" fill="${hair}"/>`,
  ].join('');
}

/** A loose zig-zag of battlements along a ridge line, after the card's Great Wall motif. */
export function wallMotif(
  random: SeededRandom,
  width: number,
  top: number,
  bottom: number,
  color: string,
): string {
  const points: string[] = [];
  let x = 0;
  while (x <= width) {
    const ridge = top + (bottom - top) * (0.5 + 0.4 * Math.sin(x / 9 + random.float(-0.1, 0.1)));
    points.push(`${round(x)},${round(ridge)}`, `${round(x + 0.9)},${round(ridge)}`);
    points.push(
      `${round(x + 0.9)},${round(ridge - 0.8)}`,
      `${round(x + 1.8)},${round(ridge - 0.8)}`,
    );
    x += 1.8;
  }
  const hills = points.join(' ');
  return `<polyline points="${hills}" fill="none" stroke="${color}" stroke-width="0.18"/>`;
}
