import { luma, type RgbImage } from './rgb-image.ts';

/**
 * A column's ground: the light of this share of its pixels (ranked from dark), above the strokes
 * of the print, which fill well under half of any column of a line's crop.
 */
const GROUND_QUANTILE = 0.6;
/**
 * How far to either side of a column, in heights, the paper it is judged against lies: wider than
 * a seal (four heights of a line at most, on the photocopy pages), so that paper flanks it, and
 * near enough that a shadow's slow fall of light stays out of it.
 */
const PAPER_REACH = 3;
/**
 * A seal's inked ground is at most this share of the paper's light. A 禁止复印 seal on the
 * photocopy pages measured 0.40-0.55 of the page around it; a line's own columns, print included,
 * stay above 0.85, and a stamp's outline or wording leaves the ground between its strokes as light
 * as the paper.
 */
const SEAL_GROUND = 0.7;
/** The ink under a ground: this share of a window's pixels (ranked from dark). */
const INK_QUANTILE = 0.03;
/** The least step between ink and ground that is stretched; a flatter window is ground only. */
const MIN_INK_STEP = 20;

/** The luma of the pixel at byte offset `i`. */
function lumaAt(data: Uint8Array, i: number): number {
  return luma(data[i] as number, data[i + 1] as number, data[i + 2] as number);
}

/** The value at `share` of the way up `values` ranked (sorted in place). */
function rankedAt(values: Float64Array, share: number): number {
  values.sort();
  return values[Math.floor(share * (values.length - 1))] ?? 0;
}

/** The crop's luma column by column (`height` values each), each column ranked from dark. */
function sortedColumns(crop: RgbImage): Float64Array {
  const { width, height, data } = crop;
  const columns = new Float64Array(width * height);
  for (let x = 0; x < width; x++) {
    const column = columns.subarray(x * height, (x + 1) * height);
    for (let y = 0; y < height; y++) column[y] = lumaAt(data, (y * width + x) * 3);
    column.sort();
  }
  return columns;
}

/**
 * The value at `share` of the way up the pixels of columns `from` to `to` ranked together, as
 * `rankedAt` would find it, by merging the ranked columns from dark only as far as that rank: a
 * low share of a window a height wide is reached after a few dozen steps, where ranking the
 * window's thousands of pixels for each column took a third of a photocopy page's reading time
 * outside the networks.
 */
export function rankedAcross(
  columns: Float64Array,
  height: number,
  from: number,
  to: number,
  share: number,
): number {
  const rank = Math.floor(share * ((to - from) * height - 1));
  const next = new Int32Array(to - from);
  let value = 0;
  for (let step = 0; step <= rank; step++) {
    let darkest = -1;
    for (let c = 0; c < next.length; c++) {
      const taken = next[c] as number;
      if (taken === height) continue;
      const candidate = columns[(from + c) * height + taken] as number;
      if (darkest < 0 || candidate < value) {
        darkest = c;
        value = candidate;
      }
    }
    next[darkest] = (next[darkest] as number) + 1;
  }
  return value;
}

/**
 * Each column's ground (`GROUND_QUANTILE`) from the crop's ranked columns (`sortedColumns`),
 * smoothed by the median of a third of a height around it.
 */
function columnGrounds(columns: Float64Array, width: number, height: number): Float64Array {
  const raw = new Float64Array(width);
  const rank = Math.floor(GROUND_QUANTILE * (height - 1));
  for (let x = 0; x < width; x++) raw[x] = columns[x * height + rank] as number;
  const reach = Math.max(1, Math.round(height / 3));
  return raw.map((_, x) => rankedAt(raw.slice(Math.max(0, x - reach), x + reach + 1), 0.5));
}

/**
 * The narrowest run of a seal's ground worth a look, in heights of the crop: a line's height.
 * A seal's edge over a number's last digit on a photocopy page, and a seal over a digit in the
 * middle of a generated number, each leave a run of a height or more; the glyphs of a blurred or
 * low-resolution photo run dark for half to three quarters of one.
 */
const MIN_SEAL_RUN = 1;
/**
 * The narrowest run past a line's end, where nothing of the line's own is printed to run dark:
 * half a character (a red seal's ground on a small photo, beside a name's last character).
 */
const MIN_SEAL_RUN_PAST = 0.5;

/**
 * The paper's light along a whole line: this share of its columns' grounds (ranked from dark),
 * so that glare over a few of them does not stand for the paper.
 */
const LINE_PAPER_QUANTILE = 0.9;

/**
 * Whether a seal's inked ground lies along a line's crop: a run of columns at least
 * `MIN_SEAL_RUN` heights wide (`MIN_SEAL_RUN_PAST` from column `end` on, past the line's end)
 * whose ground is no lighter than `SEAL_GROUND` of the paper's around it: the lightest ground
 * within `PAPER_REACH` (each ground is already the median of its neighbours', so no single light
 * column stands for the paper), or the line's own paper where that is darker (glare lit the
 * columns around: the paper beside it then looked like a seal's ground).
 */
export function holdsSealGround(crop: RgbImage, end = crop.width): boolean {
  const grounds = columnGrounds(sortedColumns(crop), crop.width, crop.height);
  const reach = Math.round(PAPER_REACH * crop.height);
  const linePaper = rankedAt(grounds.slice(), LINE_PAPER_QUANTILE);
  let run = 0;
  for (let x = 0; x < grounds.length; x++) {
    let paper = 0;
    for (let k = Math.max(0, x - reach); k < Math.min(grounds.length, x + reach + 1); k++) {
      paper = Math.max(paper, grounds[k] as number);
    }
    paper = Math.min(paper, linePaper);
    run = (grounds[x] as number) <= SEAL_GROUND * paper ? run + 1 : 0;
    const needed = x - run + 1 >= end ? MIN_SEAL_RUN_PAST : MIN_SEAL_RUN;
    if (run >= needed * crop.height) return true;
  }
  return false;
}

/**
 * The crop with each column's ground lifted to white and its darkest ink (`INK_QUANTILE` over a
 * height around it) kept black, the light between stretched: print under a seal's ground, dark
 * strokes on dark, comes out as dark strokes on paper, while the seal's own characters, left bare
 * of ink, stand no lighter than the paper.
 */
export function liftSealGround(crop: RgbImage): RgbImage {
  const { width, height, data } = crop;
  const columns = sortedColumns(crop);
  const grounds = columnGrounds(columns, width, height);
  const reach = Math.max(1, Math.round(height / 2));
  const inks = grounds.map((_, x) => {
    const from = Math.max(0, x - reach);
    const to = Math.min(width, x + reach + 1);
    return rankedAcross(columns, height, from, to, INK_QUANTILE);
  });
  const out = new Uint8Array(data.length);
  for (let x = 0; x < width; x++) {
    const ground = grounds[x] as number;
    const ink = Math.min(inks[x] as number, ground - MIN_INK_STEP);
    for (let y = 0; y < height; y++) {
      const i = (y * width + x) * 3;
      const level = Math.round((255 * (lumaAt(data, i) - ink)) / (ground - ink));
      out[i] = out[i + 1] = out[i + 2] = Math.max(0, Math.min(255, level));
    }
  }
  return { width, height, data: out };
}
