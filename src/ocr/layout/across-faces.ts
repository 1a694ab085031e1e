import {
  anniversaries,
  type IsoDate,
  isIsoDate,
  isoDateFromParts,
  isoDateParts,
} from '../../idcard/card-dates.ts';
import {
  DATED_TERMS,
  fitsValidityRule,
  LONG_TERM,
  type ValidTo,
  validityYearsForAge,
} from '../../idcard/validity-period.ts';
import type { BackReading, FrontReading } from './card-reading.ts';
import { CONFIDENCE } from './confidence.ts';
import { issueOfFrontsRegion } from './region-across-fields.ts';

/** The year, and the month where it reads, of a start whose day is lost (2016.10.1 of 2016.10.12). */
const START_YEAR_MONTH = /^(\d{4})(?:\D?(\d{2}))?/u;

/**
 * The earliest day a start read only in part can be: the first of its month, or of its year.
 * Null when not even its year reads.
 */
function earliestStart(text: string): IsoDate | null {
  const match = START_YEAR_MONTH.exec(text);
  if (!match) return null;
  return isoDateFromParts(Number(match[1]), match[2] ? Number(match[2]) : 1, 1);
}

/**
 * The end of a period by the validity rule: from a whole start, that start's anniversary for the
 * holder's age on it; from a start read in part, only 长期, and only when the holder was past its
 * age on the earliest day the start can be (any later start gives 长期 too).
 */
function endByRule(birth: IsoDate, from: string): ValidTo | null {
  if (isIsoDate(from)) {
    const years = validityYearsForAge(birth, from as IsoDate);
    if (years === null) return null;
    return years === LONG_TERM ? LONG_TERM : (anniversaries(from as IsoDate, years)[0] ?? null);
  }
  const earliest = earliestStart(from);
  return earliest !== null && validityYearsForAge(birth, earliest) === LONG_TERM ? LONG_TERM : null;
}

/**
 * The start of a dated period by the validity rule: the one day a lawful length before the end
 * on which the holder's age gives that length, and not after `today`. Null when none or several
 * are (长期 has no start to take back).
 */
function startByRule(birth: IsoDate, to: IsoDate, today: IsoDate): IsoDate | null {
  const end = isoDateParts(to);
  const starts = DATED_TERMS.flatMap((years) => {
    const start = isoDateFromParts(end.year - years, end.month, end.day);
    return start !== null && start <= today && fitsValidityRule(birth, start, to) ? [start] : [];
  });
  return starts.length === 1 ? (starts[0] ?? null) : null;
}

/**
 * A start hidden under a stamp, taken back from a whole end and the holder's age
 * (`startByRule`), as sure as neither and never vouched for.
 */
function withStartByRule(front: FrontReading, back: BackReading, today: IsoDate): BackReading {
  const { valid_from: from, valid_to: to } = back.fields;
  const birth = front.fields.birth;
  if (from.value !== '' || !isIsoDate(to.value) || !isIsoDate(birth.value)) return back;
  const start = startByRule(birth.value as IsoDate, to.value as IsoDate, today);
  if (start === null) return back;
  const confidence = Math.min(to.confidence, birth.confidence, CONFIDENCE.derivedFromRule);
  return {
    ...back,
    fields: {
      ...back.fields,
      valid_from: { value: start, confidence, box: null, incomplete: true },
    },
  };
}

/**
 * A validity end hidden under a stamp follows from the start and the holder's age on it (居民身份证法
 * 第五条: 5, 10 or 20 years, or 长期), at most as sure as either and never vouched for; a
 * hidden start from a dated end the same way (`withStartByRule`). The end is left as it is when
 * it was read at all, the birth date does not read as a date, the start does not read far enough
 * (`endByRule`), or the start lies after `today`.
 */
function withPeriodByRule(front: FrontReading, back: BackReading, today: IsoDate): BackReading {
  const { valid_from: from, valid_to: to } = back.fields;
  const birth = front.fields.birth;
  if (to.value !== '') return withStartByRule(front, back, today);
  if (!isIsoDate(birth.value)) return back;
  // A lone date after today is no start (a card is not issued ahead); it is the end misplaced.
  if ((earliestStart(from.value) ?? today) > today) return back;
  const end = endByRule(birth.value as IsoDate, from.value);
  if (end === null) return back;
  const confidence = Math.min(from.confidence, birth.confidence, CONFIDENCE.derivedFromRule);
  return {
    ...back,
    fields: { ...back.fields, valid_to: { value: end, confidence, box: null, incomplete: true } },
  };
}

/**
 * What the portrait side of a card tells about its emblem side, read from one photocopy page:
 * the validity period's hidden half by the rule (`withPeriodByRule`), and an authority whose
 * start a mark hid from the region the portrait side names (`issueOfFrontsRegion`).
 */
export function completeAcrossFaces(
  front: FrontReading,
  back: BackReading,
  today: IsoDate,
): BackReading {
  const issue = issueOfFrontsRegion(back.fields.issue, front.fields);
  const completed = issue === null ? back : { ...back, fields: { ...back.fields, issue } };
  return withPeriodByRule(front, completed, today);
}
