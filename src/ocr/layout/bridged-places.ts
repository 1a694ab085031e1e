import type { Gazetteer } from '../../idcard/gazetteer.ts';
import { firstReading } from './glyph-variants.ts';
import { type Glyph, HAN_CHAR } from './glyphs.ts';
import type { MatchMode, PlaceMatch } from './place-names.ts';
import { extentOf, onSameRow } from './quad-geometry.ts';

/**
 * A seal, a glare spot or a finger over a place name hides a run of its characters. The
 * detector then boxes what is left on either side as two lines of one row with a gap between
 * them, or the name stops short of its end (an authority cut before its 局). Where exactly one
 * name of the gazetteer has the characters read on both sides and as many characters between
 * them as the gap holds, that name is offered; nothing so chosen was read, so it is never
 * vouched for (`placeConfidence` of a `filled` match).
 */

/** Where characters lie hidden: inserted at `at`, between `min` and `max` of them. */
type HiddenRun = { at: number; min: number; max: number };

/**
 * A gap of less than this many characters between two lines of one row is the detector
 * splitting a line at its ordinary spacing, not a hidden character.
 */
const MIN_HIDDEN = 0.6;
/** The count of hidden characters is estimated to within one either way. */
const COUNT_TOLERANCE = 1;
/**
 * A name stopping short is completed only from this many characters: fewer begin too many
 * names of the list for one to be meant (南充市 begins every bureau of its city).
 */
const MIN_OPEN_PREFIX = 4;

function centreX(glyph: Glyph): number {
  if (glyph.along) return glyph.along.x;
  const { left, right } = extentOf([glyph.box]);
  return (left + right) / 2;
}

/**
 * The value's character pitch in face pixels, measured on its own neighbours read on one line
 * (the median of their distances); null when no two Han characters share a line. A print
 * shop's font size and spacing vary, so the pitch is never taken from a prior.
 */
function ownPitch(glyphs: readonly Glyph[]): number | null {
  const distances = glyphs.slice(1).flatMap((glyph, i) => {
    const previous = glyphs[i] as Glyph;
    if (
      glyph.line !== previous.line ||
      !HAN_CHAR.test(glyph.char) ||
      !HAN_CHAR.test(previous.char)
    ) {
      return [];
    }
    return [centreX(glyph) - centreX(previous)];
  });
  if (distances.length === 0) return null;
  const sorted = distances.sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function sameRow(a: Glyph, b: Glyph): boolean {
  return onSameRow(extentOf([a.box]), extentOf([b.box]));
}

/** The runs hidden between two lines of one row, from the width of the gap between them. */
export function hiddenRuns(glyphs: readonly Glyph[]): HiddenRun[] {
  const pitch = ownPitch(glyphs);
  if (pitch === null || pitch <= 0) return [];
  return glyphs.slice(1).flatMap((glyph, i) => {
    const previous = glyphs[i] as Glyph;
    if (glyph.line === previous.line || !sameRow(previous, glyph)) return [];
    const hidden = (centreX(glyph) - centreX(previous)) / pitch - 1;
    if (hidden < MIN_HIDDEN) return [];
    const count = Math.round(hidden);
    return [
      {
        at: i + 1,
        min: Math.max(1, count - COUNT_TOLERANCE),
        max: count + COUNT_TOLERANCE,
      },
    ];
  });
}

/** A value one name of the gazetteer makes of the reading: `hidden` characters put in at the gap. */
type Filling = { value: string; hidden: number; matched: number };

/**
 * The values `before` + hidden + `after` could be: for a whole name, one that begins with
 * `before` and ends with `after` (or, `openEnd`, goes on past it) with `run` characters between;
 * for an address, one that begins with `before` and goes on into at least two characters of
 * `after`, which then goes on as read.
 */
function fillings(
  gazetteer: Gazetteer,
  before: readonly string[],
  after: readonly string[],
  run: { min: number; max: number },
  options: { mode: MatchMode; openEnd: boolean },
): Filling[] {
  const found: Filling[] = [];
  const head = before.join('');
  const tail = after.join('');
  for (const name of gazetteer.names) {
    if (!name.startsWith(head)) continue;
    const chars = Array.from(name);
    for (let hidden = run.min; hidden <= run.max; hidden++) {
      const rest = chars.slice(before.length + hidden);
      const restText = rest.join('');
      if (options.mode === 'prefix') {
        if (rest.length < Math.min(2, after.length) || !tail.startsWith(restText)) continue;
        const kept = after.slice(rest.length).join('');
        found.push({ value: `${name}${kept}`, hidden, matched: chars.length });
      } else if (restText === tail || (options.openEnd && restText.startsWith(tail))) {
        found.push({ value: name, hidden, matched: chars.length });
      }
    }
  }
  return found;
}

/**
 * The one name of the gazetteer that bridges what the value hides (`hiddenRuns`; else `lead`,
 * characters before its first; else, `openEnd`, its end), as a match the gazetteer filled in;
 * null when none or more than one fits.
 */
export function bridgedPlace(
  glyphs: readonly Glyph[],
  gazetteer: Gazetteer,
  mode: MatchMode,
  openEnd: boolean,
  lead: { min: number; max: number } | null = null,
): PlaceMatch | null {
  const first = firstReading(glyphs);
  const runs = hiddenRuns(glyphs);
  let at = first.chars.length;
  let found: Filling[] = [];
  if (runs.length === 1) {
    const [run] = runs as [HiddenRun];
    at = run.at;
    const [before, after] = [first.chars.slice(0, at), first.chars.slice(at)];
    found = fillings(gazetteer, before, after, run, { mode, openEnd });
  } else if (runs.length === 0) {
    if (lead !== null) {
      at = 0;
      found = fillings(gazetteer, [], first.chars, lead, { mode, openEnd });
    }
    if (found.length === 0 && openEnd && first.chars.length >= MIN_OPEN_PREFIX) {
      at = first.chars.length;
      const none = { min: 0, max: 0 };
      found = fillings(gazetteer, first.chars, [], none, { mode, openEnd });
    }
  }
  const values = new Set(found.map((f) => f.value));
  const [only] = found;
  if (only === undefined || values.size > 1) return null;
  const chars = Array.from(only.value);
  if (chars.length <= first.chars.length) return null;
  // Characters the gazetteer put in: the hidden run, and any the value goes on with past its end.
  const endAdded = chars.length - first.chars.length - only.hidden;
  const changed = [
    ...Array.from({ length: only.hidden }, (_, k) => at + k),
    ...Array.from({ length: endAdded }, (_, k) => chars.length - endAdded + k),
  ];
  const probs = [
    ...first.probs.slice(0, at),
    ...Array.from({ length: only.hidden }, () => 1),
    ...first.probs.slice(at),
    ...Array.from({ length: endAdded }, () => 1),
  ];
  return {
    how: 'filled',
    variant: { chars, probs, changed },
    matched: only.matched,
    share: 1,
    endsLongerName: false,
    holes: [],
  };
}

/**
 * The space between a label and its value's first character, in the value's own character
 * pitch. Measured on three makers' emblem sides (a scanned card body printed by a third-party
 * generator 0.9-1.25, the photocopy pages 0.05-0.4, our own cards 0-0.8), with a label box that
 * swallowed the space as low as -0.5.
 */
const LABEL_VALUE_GAP = { min: -0.5, max: 1.5 } as const;

/**
 * How many characters may stand between a label and the first character read of its value, as
 * the range the space leaves for them counted in the value's own pitch (`LABEL_VALUE_GAP`): none
 * at least where the space is one print leaves, and as many as it holds beyond the narrowest;
 * null when the value's pitch is not measured.
 */
export function roomBefore(
  glyphs: readonly Glyph[],
  labelRight: number,
): { min: number; max: number } | null {
  const pitch = ownPitch(glyphs);
  const [first] = glyphs;
  if (pitch === null || pitch <= 0 || first === undefined) return null;
  const space = (centreX(first) - pitch / 2 - labelRight) / pitch;
  return {
    min: Math.max(0, Math.ceil(space - LABEL_VALUE_GAP.max)),
    max: Math.max(0, Math.floor(space - LABEL_VALUE_GAP.min)),
  };
}
