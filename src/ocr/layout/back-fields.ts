import type { IsoDate } from '../../idcard/card-dates.ts';
import { issuingAuthorities } from '../../idcard/gazetteer.ts';
import type { BackGlyphs } from './back-layout.ts';
import { bridgedPlace, roomBefore } from './bridged-places.ts';
import type { BackReading } from './card-reading.ts';
import { CONFIDENCE } from './confidence.ts';
import { missingCharacterPositions } from './dropped-characters.ts';
import { boxOfGlyphs, type Glyph, readingAmong, textOf, trimNonHan } from './glyphs.ts';
import { isMarkCharacter } from './overlay-marks.ts';
import { matchPlaceAfterLabel, placeConfidence } from './place-names.ts';
import { validityFields } from './validity-fields.ts';

/** Issuing authorities are public-security organs: 某市公安局, 某县公安局某分局. */
const ISSUE_SHAPE = /公安/;
/**
 * Every such organ's name ends in 局 (公安局, 分局); characters after it belong to something else
 * on the card, most often the remains of a stamp (效 of 复印无效), and are not vouched for.
 */
const ISSUE_END = /局$/u;
const ISSUE_LAST_CHAR = '局';
/** A branch's name ends in 分局. */
const BRANCH_CHAR = '分';

/**
 * What a value read together with its label keeps of it: the label, or its tail when the first
 * characters went to another box. No issuing authority starts with these (关岭… does start with
 * 关, so the single character is left alone).
 */
const ISSUE_LABEL_REMAINS = ['签发机关', '发机关', '机关'] as const;

/** The authority without what is left of its label read with it. */
function withoutLabelRemains(glyphs: readonly Glyph[]): { glyphs: Glyph[]; trimmed: boolean } {
  const text = textOf(glyphs);
  const remains = ISSUE_LABEL_REMAINS.find((label) => text.startsWith(label));
  return remains === undefined
    ? { glyphs: glyphs.slice(), trimmed: false }
    : { glyphs: glyphs.slice(remains.length), trimmed: true };
}

/** Whether the glyph was read as `char`, or has it among its runners-up. */
function mayRead(glyph: Glyph | undefined, char: string): boolean {
  return readingAmong(glyph, (read) => read === char) !== undefined;
}

/**
 * The authority up to its last 局: what a mark left after it (效 of 复印无效, 秀 of a watermark) is
 * cut, since no organ's name goes on past it. A reading without 局 stays whole, and so does one
 * whose tail may be a branch (…公安局朝阳分局): its tail holds 分, or ends in 局, read or among a
 * glyph's runners-up (科尔沁发剧, 分 and 局 the runners-up of 发 and 剧), with its own 局 lost or
 * misread, not a mark's.
 */
function toLastBureau(glyphs: readonly Glyph[]): { glyphs: Glyph[]; trimmed: boolean } {
  const end = glyphs.findLastIndex((glyph) => glyph.char === ISSUE_LAST_CHAR) + 1;
  const tail = glyphs.slice(end);
  const branch =
    tail.some((glyph) => mayRead(glyph, BRANCH_CHAR)) || mayRead(tail.at(-1), ISSUE_LAST_CHAR);
  return end === 0 || tail.length === 0 || branch
    ? { glyphs: glyphs.slice(), trimmed: false }
    : { glyphs: glyphs.slice(0, end), trimmed: true };
}

/**
 * The authority without a mark's character read before it (理 of 办理, 供 of 仅供, 使 of 使用: a
 * usage line ending against the name), where the name after it is one the list holds and the
 * name with it is not. A character a listed name starts with stays (理县公安局, 理塘县公安局).
 */
function withoutMarkLead(glyphs: readonly Glyph[]): { glyphs: Glyph[]; trimmed: boolean } {
  const { names } = issuingAuthorities();
  const [first, ...rest] = glyphs;
  const lead =
    first !== undefined &&
    isMarkCharacter(first.char) &&
    !names.has(textOf(glyphs)) &&
    names.has(textOf(rest));
  return lead ? { glyphs: rest, trimmed: true } : { glyphs: glyphs.slice(), trimmed: false };
}

/** The emblem side's fields in the API's form, the period checked against the validity rule. */
export function readBackFields(glyphs: BackGlyphs, today: IsoDate): BackReading {
  const marked = trimNonHan(glyphs.issue);
  const unlabelled = withoutLabelRemains(marked.glyphs);
  const ended = toLastBureau(unlabelled.glyphs);
  const unmarked = withoutMarkLead(ended.glyphs);
  const issue = {
    glyphs: unmarked.glyphs,
    trimmed: marked.trimmed || unlabelled.trimmed || ended.trimmed || unmarked.trimmed,
  };
  const read = matchPlaceAfterLabel(issue.glyphs, issuingAuthorities(), 'whole', {
    label: ISSUE_LABEL_REMAINS[0],
    holesOf: (run) => missingCharacterPositions(run),
  });
  // A name read whole as the list spells it stands; anything else may have lost characters
  // under a mark, where one listed name may bridge them: within it, at its end, or before it,
  // where its label's space holds more than print leaves there (`roomBefore`) or, before a name
  // the list does not hold, where it may hold one more (the recogniser drops a first character
  // it doubts without a trace: 门市公安局蓬江分局 of 江门市…, read at 0.99).
  const listedAsRead = read.match.how === 'read' && !read.match.unlisted;
  const room =
    !listedAsRead && glyphs.issueLabel !== null
      ? roomBefore(read.glyphs, glyphs.issueLabel.right)
      : null;
  const hidden = room !== null && room.min >= 1 ? room : null;
  const unlisted = read.match.how === 'none' && room !== null && room.max >= 1;
  const before = hidden ?? (unlisted ? { min: 1, max: room.max } : null);
  const bridged = listedAsRead
    ? null
    : bridgedPlace(
        read.glyphs,
        issuingAuthorities(),
        'whole',
        !ISSUE_END.test(textOf(read.glyphs)),
        before,
      );
  const match = bridged ?? read.match;
  const issueText = match.variant.chars.join('');
  // What a mark hid before a name neither read whole nor bridged, for the portrait side of the
  // same page to fill in (`issueOfFrontsRegion`); a print shop's wide space before a whole name
  // hides nothing.
  const lead = bridged === null ? hidden : null;
  const issueCap = !ISSUE_SHAPE.test(issueText)
    ? CONFIDENCE.failedCheck
    : issue.trimmed || read.trimmed || !ISSUE_END.test(issueText)
      ? CONFIDENCE.changedByCheck
      : CONFIDENCE.ceiling;
  return {
    side: 'back',
    fields: {
      issue: {
        value: issueText,
        confidence: Math.min(placeConfidence(match), issueCap),
        box: boxOfGlyphs(read.glyphs),
        ...(lead === null ? {} : { hiddenBefore: lead }),
      },
      ...validityFields(glyphs.validity, today),
    },
  };
}
