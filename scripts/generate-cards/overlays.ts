import type { ConditionName } from './capture-conditions.ts';
import { escapeXml, fontList } from './card-face-svg.ts';
import { CARD_MM, textUnits } from './card-layout.ts';
import { placeBack, placeFront } from './card-placement.ts';
import type { LayoutVariation } from './layout-variation.ts';
import type { SeededRandom } from './seeded-random.ts';
import type { OverlayStyle, StampShape, StyleFamily } from './style-families.ts';

/**
 * Marks clerks find over photocopies and scans: stamps (复印无效, 样证), a typed or handwritten
 * 仅供…办理…使用 line across the card, and semi-transparent watermark text, at several angles
 * and over any field. Planned per card face in the face's millimetres, drawn over the print.
 */

export const OVERLAY_KINDS = ['stamp', 'typed-line', 'handwritten-line', 'watermark'] as const;
export type OverlayKind = (typeof OVERLAY_KINDS)[number];

export type Overlay = {
  kind: OverlayKind;
  text: string;
  /** Colour name for the ground truth, and its CSS value. */
  color: string;
  css: string;
  font: string;
  /** Rotation, degrees clockwise. */
  angleDeg: number;
  /** The field or part of the face the mark is centred on. */
  over: string;
  centre: { x: number; y: number };
  /** Character size, millimetres. */
  size: number;
  opacity: number;
  shape?: StampShape;
  /** Watermarks: repeated over the face, or one large line. */
  tiled?: boolean;
};

/** Share of faces that carry marks, by condition: copies and scans are marked most often. */
const OVERLAY_SHARE: Partial<Record<ConditionName, number>> = {
  'photocopy-double': 0.7,
  'flat-scan': 0.35,
  'pale-scan': 0.35,
};
const DEFAULT_OVERLAY_SHARE = 0.2;

const ORGANISATIONS = [
  '中国银行',
  '工商银行',
  '建设银行',
  '人民医院',
  '社保中心',
  '营业厅',
  '本公司',
];
const PURPOSES = ['开户', '入住登记', '入职手续', '社保卡', '手机卡', '贷款', '就诊建档', '备案'];

type Anchor = { over: string; x: number; y: number };

/** A square seal's characters, two to a column. */
const SEAL_CHARACTERS = 4;

/** Centres of the printed fields, where a mark hurts most. */
function anchors(face: 'front' | 'back', variation: LayoutVariation): Anchor[] {
  const centreOf = (x: number, top: number, width: number, size: number) => ({
    x: x + width / 2,
    y: top + size / 2,
  });
  if (face === 'front') {
    const place = placeFront(variation);
    const portrait = place.portrait;
    return [
      {
        over: 'name',
        ...centreOf(place.name.x, place.name.top, 3 * place.name.size, place.name.size),
      },
      { over: 'sex', ...centreOf(place.sex.x, place.sex.top, 12, place.sex.size) },
      { over: 'birth', ...centreOf(place.birth.x, place.birth.top, 24, place.birth.size) },
      { over: 'address', ...centreOf(place.address.x, place.address.top, 30, 8) },
      { over: 'number', ...centreOf(place.number.x, place.number.top, place.number.width, 4) },
      {
        over: 'photo',
        x: portrait.x + portrait.width / 2,
        y: portrait.y + portrait.height / 2,
      },
    ];
  }
  const place = placeBack(variation);
  const title = place.titleLarge;
  return [
    { over: 'title', ...centreOf(title.x, title.top, title.width, title.size) },
    { over: 'issue', ...centreOf(place.issue.x, place.issue.top, 28, place.issue.size) },
    {
      over: 'validity',
      ...centreOf(place.validity.x, place.validity.top, 30, place.validity.size),
    },
    { over: 'emblem', x: place.emblem.x + place.emblem.width / 2, y: place.emblem.y + 8 },
  ];
}

function lineText(random: SeededRandom, style: OverlayStyle): string {
  return random
    .pick(style.lineTemplates)
    .replace('{organisation}', random.pick(ORGANISATIONS))
    .replace('{purpose}', random.pick(PURPOSES));
}

function planOne(
  random: SeededRandom,
  style: OverlayStyle,
  anchor: Anchor,
  kind: OverlayKind,
): Overlay {
  const jitter = (range: number) => random.float(-range, range);
  const centre = { x: anchor.x + jitter(3), y: anchor.y + jitter(2) };
  switch (kind) {
    case 'stamp': {
      const [color, css] = random.pick(style.stampColors);
      const shape = random.pick(style.stampShapes);
      const sealTexts = style.stampTexts.filter((text) => [...text].length === SEAL_CHARACTERS);
      const texts = shape === 'seal' && sealTexts.length > 0 ? sealTexts : style.stampTexts;
      return {
        kind,
        text: random.pick(texts),
        color,
        css,
        font: random.pick(style.stampFonts),
        angleDeg: jitter(35),
        over: anchor.over,
        centre,
        size: random.float(3.2, 4.6),
        opacity: random.float(0.6, 0.9),
        shape,
      };
    }
    case 'typed-line':
    case 'handwritten-line': {
      const [color, css] = random.pick(style.lineColors);
      return {
        kind,
        text: lineText(random, style),
        color,
        css,
        font: random.pick(kind === 'typed-line' ? style.typedFonts : style.handFonts),
        angleDeg: jitter(25),
        over: anchor.over,
        // A line across the card: centred near the middle, passing over the anchor's row.
        centre: { x: CARD_MM.width / 2 + jitter(8), y: centre.y },
        size: kind === 'typed-line' ? random.float(2.8, 3.8) : random.float(3.4, 4.8),
        opacity: random.float(0.75, 0.95),
      };
    }
    case 'watermark': {
      const [color, css] = random.pick(style.watermarkColors);
      const tiled = style.watermarkLayout === 'tiled';
      return {
        kind,
        text: random.pick(style.watermarkTexts),
        color,
        css,
        font: random.pick(style.watermarkFonts),
        angleDeg: random.pick([-1, 1]) * random.float(15, 45),
        over: tiled ? 'face' : anchor.over,
        centre: tiled ? { x: CARD_MM.width / 2, y: CARD_MM.height / 2 } : centre,
        size: tiled ? random.float(3.5, 5.5) : random.float(8, 11),
        opacity: random.float(0.15, 0.32),
        tiled,
      };
    }
  }
}

/** The marks on one face: none on most, one or two on some, by condition. */
export function planOverlays(
  random: SeededRandom,
  family: StyleFamily,
  condition: ConditionName,
  face: 'front' | 'back',
  variation: LayoutVariation,
): Overlay[] {
  if (!random.chance(OVERLAY_SHARE[condition] ?? DEFAULT_OVERLAY_SHARE)) return [];
  const count = random.chance(0.7) ? 1 : 2;
  const places = anchors(face, variation);
  return Array.from({ length: count }, () =>
    planOne(
      random,
      family.overlays,
      random.pick(places),
      random.weighted([
        ['stamp', 4],
        ['typed-line', 2],
        ['handwritten-line', 2],
        ['watermark', 2],
      ] as const),
    ),
  );
}

/** The ground truth's record of a mark. */
export function overlayRecord(overlay: Overlay, face: 'front' | 'back') {
  return {
    face,
    kind: overlay.kind,
    text: overlay.text,
    color: overlay.color,
    angle_deg: Number(overlay.angleDeg.toFixed(1)),
    over: overlay.over,
    font: overlay.font,
    ...(overlay.shape ? { shape: overlay.shape } : {}),
  };
}

const round = (value: number) => value.toFixed(2);

/** Text centred on the group's origin; `extra` holds further attributes. */
function textElement(content: string, overlay: Overlay, weight = 700, extra = ''): string {
  return `<text x="0" y="${round(overlay.size * 0.35)}" font-size="${round(overlay.size)}" font-family="${escapeXml(fontList(overlay.font))}" font-weight="${weight}" fill="${overlay.css}" text-anchor="middle"${extra}>${escapeXml(content)}</text>`;
}

/** Worn, uneven stamp ink: a fractal-noise mask eats into the strokes. */
function inkFilter(id: string, random: SeededRandom): string {
  return `<filter id="${id}" x="-20%" y="-20%" width="140%" height="140%"><feTurbulence type="fractalNoise" baseFrequency="1.6" numOctaves="2" seed="${random.int(1, 9999)}" result="noise"/><feColorMatrix in="noise" type="matrix" values="0 0 0 0 0  0 0 0 0 0  0 0 0 0 0  0 0 0 -2.2 1.75" result="mask"/><feComposite in="SourceGraphic" in2="mask" operator="in"/></filter>`;
}

function stampSvg(overlay: Overlay): string {
  const width = textUnits(overlay.text) * overlay.size;
  const stroke = `fill="none" stroke="${overlay.css}" stroke-width="${round(overlay.size * 0.1)}"`;
  switch (overlay.shape ?? 'rectangle') {
    case 'rectangle':
    case 'rounded': {
      const rx = overlay.shape === 'rounded' ? overlay.size * 0.6 : 0;
      const w = width + overlay.size * 1.2;
      const h = overlay.size * 1.8;
      return `<rect x="${round(-w / 2)}" y="${round(-h / 2)}" width="${round(w)}" height="${round(h)}" rx="${round(rx)}" ${stroke}/>${textElement(overlay.text, overlay)}`;
    }
    case 'circle': {
      const r = Math.max(width * 0.55, overlay.size * 2.4);
      const star = `<polygon points="${starPoints(overlay.size * 0.7)}" fill="${overlay.css}" transform="translate(0 ${round(-overlay.size * 0.5)})"/>`;
      return `<circle r="${round(r)}" ${stroke}/>${star}<g transform="translate(0 ${round(overlay.size * 1.2)})">${textElement(overlay.text, { ...overlay, size: overlay.size * 0.8 })}</g>`;
    }
    case 'seal':
      return sealSvg(overlay);
    case 'double-oval': {
      const rx = width / 2 + overlay.size * 1.2;
      const ry = overlay.size * 1.5;
      return `<ellipse rx="${round(rx)}" ry="${round(ry)}" ${stroke}/><ellipse rx="${round(rx - overlay.size * 0.3)}" ry="${round(ry - overlay.size * 0.3)}" ${stroke}/>${textElement(overlay.text, overlay)}`;
    }
  }
}

/**
 * A square seal: the ground inked, the characters in paper colour over it (bare once multiplied
 * over the print), two to a column and the columns read from the right.
 */
function sealSvg(overlay: Overlay): string {
  const glyph = overlay.size * 1.25;
  const side = glyph * 2.5;
  const characters = [...overlay.text];
  const glyphs = characters.map((character, index) => {
    const column = index < characters.length / 2 ? 1 : -1;
    const row = index % 2 === 0 ? -1 : 1;
    const at = `translate(${round((column * side) / 4)} ${round((row * side) / 4)})`;
    return `<g transform="${at}">${textElement(character, { ...overlay, size: glyph, css: 'rgb(255 255 255)' })}</g>`;
  });
  const ground = `<rect x="${round(-side / 2)}" y="${round(-side / 2)}" width="${round(side)}" height="${round(side)}" rx="${round(glyph * 0.15)}" fill="${overlay.css}"/>`;
  return ground + glyphs.join('');
}

function starPoints(outer: number): string {
  const points: string[] = [];
  for (let corner = 0; corner < 10; corner++) {
    const radius = corner % 2 === 0 ? outer : outer * 0.4;
    const angle = -Math.PI / 2 + (corner * Math.PI) / 5;
    points.push(`${round(radius * Math.cos(angle))},${round(radius * Math.sin(angle))}`);
  }
  return points.join(' ');
}

/** Each character turned and lifted a little, slanted as a hand writes. */
function handwrittenSvg(overlay: Overlay, random: SeededRandom): string {
  const characters = [...overlay.text];
  const rotations = characters.map(() => random.float(-7, 7).toFixed(1)).join(' ');
  const lifts = characters.map(() => round(random.float(-0.25, 0.25))).join(' ');
  return `<g transform="skewX(-10)">${textElement(overlay.text, overlay, 400, ` rotate="${rotations}" dy="${lifts}"`)}</g>`;
}

function watermarkSvg(overlay: Overlay): string {
  if (!overlay.tiled) return textElement(overlay.text, overlay, 400);
  const step = textUnits(overlay.text) * overlay.size + overlay.size * 2;
  const rows: string[] = [];
  // Enough rows and columns to cover the face at any angle.
  for (let row = -4; row <= 4; row++) {
    for (let column = -3; column <= 3; column++) {
      const x = column * step + (row % 2) * (step / 2);
      const y = row * overlay.size * 2.6;
      rows.push(
        `<g transform="translate(${round(x)} ${round(y)})">${textElement(overlay.text, overlay)}</g>`,
      );
    }
  }
  return rows.join('');
}

function markSvg(overlay: Overlay, random: SeededRandom, id: string): string {
  const transform = `translate(${round(overlay.centre.x)} ${round(overlay.centre.y)}) rotate(${overlay.angleDeg.toFixed(1)})`;
  const group = (inner: string, filter = '') =>
    `<g transform="${transform}" opacity="${overlay.opacity.toFixed(2)}" style="mix-blend-mode:multiply"${filter}>${inner}</g>`;
  switch (overlay.kind) {
    case 'stamp':
      return `${inkFilter(id, random)}${group(stampSvg(overlay), ` filter="url(#${id})"`)}`;
    case 'typed-line':
      return group(textElement(overlay.text, overlay, 400));
    case 'handwritten-line':
      return group(handwrittenSvg(overlay, random));
    case 'watermark':
      return group(watermarkSvg(overlay));
  }
}

/** The marks of one face as SVG in card millimetres; `prefix` keeps filter ids page-unique. */
export function overlaySvg(overlays: readonly Overlay[], random: SeededRandom, prefix: string) {
  return overlays
    .map((overlay, index) => markSvg(overlay, random, `${prefix}-ink-${index}`))
    .join('');
}
