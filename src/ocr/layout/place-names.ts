import { type Gazetteer, matchedPrefixLength, namesOneApart } from '../../idcard/gazetteer.ts';
import {
  afterPassedCheck,
  allRightProbability,
  CONFIDENCE,
  capped,
  FALSE_PASS_RATE,
} from './confidence.ts';
import {
  acceptedVariants,
  dominantVariant,
  firstReading,
  likelihood,
  type Variant,
} from './glyph-variants.ts';
import { type Glyph, textOf } from './glyphs.ts';
import { beginsMarkWording, holdsMarkWording } from './overlay-marks.ts';

/**
 * A character the recogniser gave less than this is doubtful enough for the gazetteer to
 * replace it with one it never offered (鄠, missing from the dictionary, came as 鄂 at 0.64);
 * one read surer than this stands, and a reading that then names no place is left as read.
 */
const DOUBTFUL_PROB = 0.9;

/**
 * How a value that should name a place was read against the gazetteer: as read (`read`), with
 * one or two of the recogniser's alternatives taken (`alternative`), with a doubtful or dropped
 * character chosen by the gazetteer alone (`filled`), or not matched at all (`none`).
 */
export type PlaceMatch = {
  how: 'read' | 'alternative' | 'filled' | 'none';
  /** The reading, one entry per character; a filled-in dropped character has probability 1. */
  variant: Variant;
  /** Characters of `variant` that spell the gazetteer's name (its start, or all of it). */
  matched: number;
  /** For `alternative`, its share of the likelihood of all the readings that match. */
  share: number;
  /**
   * The name read is another one without its first character (南县公安局 of 桦南县公安局): a
   * first character the recogniser dropped would leave exactly this.
   */
  endsLongerName: boolean;
  /** The places a character may have been dropped (`missingCharacterPositions`) left unfilled. */
  holes: number[];
  /**
   * Characters read surely before the name and kept, though the gazetteer does not hold the
   * whole (常德市 of 常德市安乡县公安局: cards print variants the list lacks); 0 when absent.
   */
  unlisted?: number;
};

/** Whether to match the value's beginning (an address) or the whole value (an authority). */
export type MatchMode = 'prefix' | 'whole';

function matchedLength(gazetteer: Gazetteer, chars: readonly string[], mode: MatchMode): number {
  if (mode === 'prefix') return matchedPrefixLength(gazetteer, chars);
  return gazetteer.names.has(chars.join('')) ? chars.length : 0;
}

/**
 * The readings one character away from `first` that the gazetteer names: a doubtful character
 * replaced, or a character put into a hole the recogniser left.
 */
function oneEditMatches(
  first: Variant,
  holes: readonly number[],
  gazetteer: Gazetteer,
  mode: MatchMode,
): { variant: Variant; hole: number | null }[] {
  const found = new Map<string, { variant: Variant; hole: number | null }>();
  const lengths =
    mode === 'whole'
      ? [first.chars.length, first.chars.length + 1]
      : Array.from(
          { length: gazetteer.maxLength - gazetteer.minLength + 1 },
          (_, k) => gazetteer.minLength + k,
        );
  for (const length of lengths) {
    first.probs.slice(0, length).forEach((prob, at) => {
      if (prob >= DOUBTFUL_PROB) return;
      for (const name of namesOneApart(gazetteer, first.chars, at, length, 'replaced')) {
        const chars = first.chars.with(at, Array.from(name)[at] as string);
        const variant = { chars, probs: first.probs.with(at, 1), changed: [at] };
        if (matchedLength(gazetteer, chars, mode) === length)
          found.set(name, { variant, hole: null });
      }
    });
    for (const hole of holes.filter((position) => position < length)) {
      for (const name of namesOneApart(gazetteer, first.chars, hole, length, 'dropped')) {
        const chars = [
          ...first.chars.slice(0, hole),
          Array.from(name)[hole] as string,
          ...first.chars.slice(hole),
        ];
        const probs = [...first.probs.slice(0, hole), 1, ...first.probs.slice(hole)];
        const variant = { chars, probs, changed: [hole] };
        if (matchedLength(gazetteer, chars, mode) === length) found.set(name, { variant, hole });
      }
    }
  }
  return [...found.values()];
}

/**
 * Reads a value that names a place against the gazetteer. The recogniser's own reading wins when
 * the gazetteer has it; otherwise one of its alternatives that the gazetteer names, when it
 * clearly dominates the others that do (`dominantVariant`); otherwise, when exactly one name is
 * a character away, one doubtful character replaced or one dropped character restored where
 * `holes` says the line has room for it. Whatever the gazetteer chose was not read, and the
 * caller must not vouch for it.
 */
export function matchPlace(
  glyphs: readonly Glyph[],
  gazetteer: Gazetteer,
  mode: MatchMode,
  holes: readonly number[],
): PlaceMatch {
  const match = matchName(glyphs, gazetteer, mode, holes);
  return {
    ...match,
    holes: match.holes.filter((hole) => !spelledOver(match, hole, gazetteer, mode)),
  };
}

/**
 * Whether a hole the recogniser left lies where the matched name shows that nothing was lost:
 * inside the name (or, for a whole name, at either end; an address begins with its region), and
 * no name of the gazetteer has a character there that the reading could have lost.
 */
function spelledOver(match: PlaceMatch, hole: number, gazetteer: Gazetteer, mode: MatchMode) {
  if (match.how === 'none') return false;
  const inside = mode === 'whole' ? hole <= match.matched : hole < match.matched;
  const chars = match.variant.chars;
  return inside && namesOneApart(gazetteer, chars, hole, match.matched + 1, 'dropped').length === 0;
}

function matchName(
  glyphs: readonly Glyph[],
  gazetteer: Gazetteer,
  mode: MatchMode,
  holes: readonly number[],
): PlaceMatch {
  const first = firstReading(glyphs);
  const none: PlaceMatch = {
    how: 'none',
    variant: first,
    matched: 0,
    share: 1,
    endsLongerName: false,
    holes: [...holes],
  };
  const read = matchedLength(gazetteer, first.chars, mode);
  if (read > 0) {
    const name = first.chars.slice(0, read).join('');
    return {
      ...none,
      how: 'read',
      matched: read,
      endsLongerName: gazetteer.firstDropped.has(name),
    };
  }
  // A change beyond the name it completes says nothing about the name; such variants would only
  // dilute the one that matters.
  const alternatives = acceptedVariants(
    glyphs,
    (chars) => matchedLength(gazetteer, chars, mode) > 0,
  ).filter((variant) => {
    const length = matchedLength(gazetteer, variant.chars, mode);
    return variant.changed.every((position) => position < length);
  });
  const dominant = dominantVariant(alternatives);
  if (dominant !== null) {
    return {
      ...none,
      how: 'alternative',
      variant: dominant.variant,
      matched: matchedLength(gazetteer, dominant.variant.chars, mode),
      share: dominant.share,
    };
  }
  // Alternatives that match but tie with each other leave the choice to the clerk.
  if (alternatives.length > 0) return none;
  const edits = oneEditMatches(first, holes, gazetteer, mode);
  const [only] = edits;
  if (only === undefined || edits.length > 1) return none;
  return {
    ...none,
    how: 'filled',
    variant: only.variant,
    matched: matchedLength(gazetteer, only.variant.chars, mode),
    share: 1,
    holes: holes
      .filter((hole) => hole !== only.hole)
      .map((hole) => (only.hole !== null && hole > only.hole ? hole + 1 : hole)),
  };
}

/**
 * Whether characters read before a name are what is left of the value's label: a character of
 * the label, or one the recogniser was unsure of (鑫巢机美 for 签发机关). Characters read surely
 * and foreign to the label are part of the value, and a list never takes them away.
 */
function labelRemains(cut: readonly Glyph[], label: string): boolean {
  const labelChars = new Set(Array.from(label));
  return cut.some((glyph) => labelChars.has(glyph.char) || glyph.prob < DOUBTFUL_PROB);
}

/** `match` with the characters read before its name kept in front of it (`unlisted`). */
function withUnlisted(cut: readonly Glyph[], match: PlaceMatch): PlaceMatch {
  const lead = firstReading(cut);
  return {
    ...match,
    variant: {
      chars: [...lead.chars, ...match.variant.chars],
      probs: [...lead.probs, ...match.variant.probs],
      changed: match.variant.changed.map((position) => position + cut.length),
    },
    holes: match.holes.map((hole) => hole + cut.length),
    unlisted: cut.length,
  };
}

/**
 * Reads the value against the gazetteer as it is and, when that matches nothing, without its
 * first characters, up to as many as its label has: a label read together with its value is
 * often misread (鑫巢机美 for 签发机关, 打让 for 住址) and so not recognised as one, but a name
 * that follows it shows where the value begins. More are dropped only where they hold a mark's
 * wording, or stand before an address's province read exactly as listed. The fewest characters
 * are dropped, and only when they are the label's remains (`labelRemains`), a mark's (仅 of a
 * watermark's 仅限本次使用 boxed alone, `beginsMarkWording`; `holdsMarkWording`), or stand before
 * a value that always begins with its place (`beginsWithPlace`: an address begins with its
 * province, so 上 of 上河南省安阳市…, a stamp's stroke boxed with the line, is not the address's);
 * otherwise they are kept before the name, as an authority may print more than the list holds.
 * `holes`: where the glyphs returned may have lost a character (`options.holesOf` of them).
 */
export function matchPlaceAfterLabel(
  glyphs: readonly Glyph[],
  gazetteer: Gazetteer,
  mode: MatchMode,
  options: {
    label: string;
    holesOf: (glyphs: readonly Glyph[]) => number[];
    beginsWithPlace?: boolean;
  },
): { match: PlaceMatch; glyphs: readonly Glyph[]; trimmed: boolean; holes: number[] } {
  const holes = options.holesOf(glyphs);
  const asRead = matchPlace(glyphs, gazetteer, mode, holes);
  if (asRead.how !== 'none') return { match: asRead, glyphs, trimmed: false, holes };
  const labelLength = Array.from(options.label).length;
  const beginsWithPlace = options.beginsWithPlace === true;
  const chars = firstReading(glyphs).chars;
  for (let dropped = 1; dropped < glyphs.length; dropped++) {
    const cut = glyphs.slice(0, dropped);
    const lead = textOf(cut);
    const markWording = holdsMarkWording(lead);
    // More characters than the label has are dropped only as a mark's (a usage line boxed with
    // the value's first line: 业厅办理货系 before 深圳市公安局…), or before an address's province
    // read exactly as listed (供营业厅 before 江西省…): nothing precedes it on a card.
    const listedAfter = () =>
      beginsWithPlace && matchedLength(gazetteer, chars.slice(dropped), mode) > 0;
    if (dropped > labelLength && !markWording && !listedAfter()) continue;
    const rest = glyphs.slice(dropped);
    const restHoles = options.holesOf(rest);
    const match = matchPlace(rest, gazetteer, mode, restHoles);
    if (match.how === 'none') continue;
    const foreign =
      beginsWithPlace || labelRemains(cut, options.label) || beginsMarkWording(lead) || markWording;
    if (foreign) {
      return { match, glyphs: rest, trimmed: true, holes: restHoles };
    }
    return { match: withUnlisted(cut, match), glyphs, trimmed: false, holes };
  }
  return { match: asRead, glyphs, trimmed: false, holes };
}

/**
 * How far to trust a place read against the gazetteer. A name the recogniser read as the
 * gazetteer spells it has passed a check: its characters count as right unless a misreading
 * happened to spell another real name (`FALSE_PASS_RATE.placeName`), and only the rest of the
 * value rests on the recogniser alone. A name the gazetteer chose was not read and is never
 * vouched for; nor is a value that may still have lost a character, nor one the gazetteer holds
 * nothing of (`CONFIDENCE.unlistedPlace`).
 */
export function placeConfidence(match: PlaceMatch): number {
  const lead = match.unlisted ?? 0;
  if (lead === 0) return listedConfidence(match);
  // What the list does not hold rests on the recogniser alone, and is never vouched for.
  const { variant } = match;
  const listed = listedConfidence({
    ...match,
    variant: {
      chars: variant.chars.slice(lead),
      probs: variant.probs.slice(lead),
      changed: variant.changed.map((position) => position - lead),
    },
    holes: match.holes.map((hole) => hole - lead),
    unlisted: 0,
  });
  return capped(
    listed * allRightProbability(variant.probs.slice(0, lead)),
    CONFIDENCE.beyondGazetteer,
  );
}

function listedConfidence(match: PlaceMatch): number {
  const { variant, matched } = match;
  const holeCap = match.holes.length > 0 ? CONFIDENCE.mayMissCharacter : CONFIDENCE.ceiling;
  switch (match.how) {
    case 'read': {
      const name = allRightProbability(variant.probs.slice(0, matched));
      const rest = allRightProbability(variant.probs.slice(matched));
      const cap = match.endsLongerName ? CONFIDENCE.endsLongerName : CONFIDENCE.ceiling;
      return capped(
        afterPassedCheck(name, FALSE_PASS_RATE.placeName) * rest,
        Math.min(holeCap, cap),
      );
    }
    case 'alternative':
      return capped(
        likelihood(variant) * match.share,
        Math.min(holeCap, CONFIDENCE.changedByCheck),
      );
    case 'filled':
      return capped(likelihood(variant), Math.min(holeCap, CONFIDENCE.chosenByGazetteer));
    case 'none':
      return capped(likelihood(variant), Math.min(holeCap, CONFIDENCE.unlistedPlace));
  }
}
