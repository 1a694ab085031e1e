import { anniversaries, type IsoDate, isIsoDate } from '../../idcard/card-dates.ts';
import { LONG_TERM, validityYearsForAge } from '../../idcard/validity-period.ts';
import type { BackReading, FrontReading } from './card-reading.ts';
import { CONFIDENCE } from './confidence.ts';

/**
 * What the portrait side of a card tells about its emblem side, read from one photocopy page: a
 * validity end hidden under a stamp follows from the start and the holder's age on it (居民身份证法
 * 第五条: 5, 10 or 20 years, or 长期), at most as sure as either and never vouched for. The
 * end is left as it is when it was read at all, or the start or the birth date do not read as
 * dates, or the start lies after `today`.
 */
export function completeAcrossFaces(
  front: FrontReading,
  back: BackReading,
  today: IsoDate,
): BackReading {
  const { valid_from: from, valid_to: to } = back.fields;
  const birth = front.fields.birth;
  if (to.value !== '' || !isIsoDate(from.value) || !isIsoDate(birth.value)) return back;
  // A lone date after today is no start (a card is not issued ahead); it is the end misplaced.
  if (from.value > today) return back;
  const years = validityYearsForAge(birth.value as IsoDate, from.value as IsoDate);
  if (years === null) return back;
  const end = years === LONG_TERM ? LONG_TERM : anniversaries(from.value as IsoDate, years)[0];
  if (end === undefined) return back;
  const confidence = Math.min(from.confidence, birth.confidence, CONFIDENCE.derivedFromRule);
  return {
    ...back,
    fields: { ...back.fields, valid_to: { value: end, confidence, box: null, incomplete: true } },
  };
}
