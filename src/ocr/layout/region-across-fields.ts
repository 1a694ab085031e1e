import type { IsoDate } from '../../idcard/card-dates.ts';
import {
  addressRegions,
  issuingAuthoritiesOf,
  matchedPrefixLength,
  numberCodesOfAddressRegion,
} from '../../idcard/gazetteer.ts';
import { checkIdNumber } from '../../idcard/id-number.ts';
import { lookupRegion, type RegionLookup, regionPrefix } from '../../idcard/regions.ts';
import type { FieldReading, FrontReading } from './card-reading.ts';
import { CONFIDENCE } from './confidence.ts';
import {
  charactersApart,
  type IdNumberReading,
  inOrderWithin,
  MISREAD_CHARACTERS,
} from './id-number-reading.ts';

/**
 * The portrait side prints its holder's region twice: as the first six digits of the number and
 * as the start of the address (GB/T 2260). Where a stamp or a seal hides one of them, the other
 * tells what was there; and the emblem side's authority is most often the bureau of that region.
 * They agree on most cards but not on all (a holder who moved keeps the number's region, a card
 * may be issued elsewhere), so nothing taken across is vouched for.
 */

/** The fewest characters of an authority read after a mark that tie it to one name. */
const MIN_AUTHORITY_CHARS = 2;

/** A number read as digits, with at most its check character a letter. */
const NUMBER_DIGITS = /^\d+[\dX]?$/u;
/** Six digits of region (GB 11643): all the number needs to name one. */
const REGION_DIGITS = /^(\d{6})/u;
/** A number read this short lost digits; its region is then no longer known to be its start. */
const MIN_NUMBER_CHARS = 17;
/**
 * Digits a number read without its start must still hold of its birth date, so that the
 * reading is tied to the holder's date and not a run of digits that happens to end like one;
 * and legible digits one read with a mark's characters must hold of its region and date.
 */
const MIN_DATE_DIGITS = 4;
/**
 * The sequence after the birth date: three digits and the check character. Some photocopied
 * cards print the number without its check character (17 digits); those are taken as printed.
 */
const SEQUENCE_LENGTHS = [4, 3] as const;

/**
 * The address with the region of the number where its own start was hidden: an address that
 * begins with no listed region, but with the region's last characters (县白沙镇… of 广西壮族自治区
 * 桂林市阳朔县, 永城市石楼镇… of 河南省商丘市永城市), takes the region whole. Addresses start with
 * their province, so one that starts inside a region lost what came before; one that spells the
 * region with part of its county's name hidden (`heldAroundHole`) lost that. One that holds the
 * region's ends without its middle (内蒙古自治区化德县…) is left alone: some cards print it so. Null
 * when the address begins with a listed region, starts with no end of the number's region, or
 * the number names no current county.
 */
export function addressWithNumbersRegion(
  address: FieldReading,
  number: IdNumberReading,
): FieldReading | null {
  const chars = Array.from(address.value);
  if (chars.length === 0 || matchedPrefixLength(addressRegions(), chars) > 0) return null;
  const code = REGION_DIGITS.exec(number.value)?.[1];
  if (code === undefined || number.value.length < MIN_NUMBER_CHARS) return null;
  const region = lookupRegion(code);
  if (!region.isCurrent) return null;
  const regionChars = Array.from(regionPrefix(region));
  const kept = keptRegionEnd(chars, regionChars) || heldAroundHole(chars, region);
  if (kept === 0) return null;
  return {
    ...address,
    value: [...regionChars, ...chars.slice(kept)].join(''),
    confidence: Math.min(address.confidence, CONFIDENCE.derivedFromRegion),
  };
}

/**
 * Most characters a mark may hide of the name of a region's last division (county, or city where
 * it has none) for the address still to take the region whole: a seal over an address's first
 * line hides two or three of them, while a card that leaves its city out (内蒙古自治区化德县) drops a
 * whole name of another division, which this does not take for a hole.
 */
const MAX_HIDDEN_IN_NAME = 3;

/**
 * How many characters the address begins with that spell the region with a run of at most
 * `MAX_HIDDEN_IN_NAME` characters of its last division's name missing, the name's last
 * character kept (宁夏回族自治区固原市县香水镇… of …固原市泾源县, 泾源 under a seal); 0 where none do.
 */
function heldAroundHole(chars: readonly string[], region: RegionLookup): number {
  const last = region.county ?? region.city;
  if (last === null) return 0;
  const name = Array.from(last);
  const head = Array.from(regionPrefix(region)).slice(0, -name.length);
  for (let hidden = 1; hidden <= Math.min(MAX_HIDDEN_IN_NAME, name.length - 1); hidden++) {
    for (let at = 0; at + hidden < name.length; at++) {
      const spelled = [...head, ...name.slice(0, at), ...name.slice(at + hidden)];
      if (spelled.every((char, k) => chars[k] === char)) return spelled.length;
    }
  }
  return 0;
}

/** How many of the region's last characters the address begins with, at most all but one. */
function keptRegionEnd(chars: readonly string[], region: readonly string[]): number {
  for (let kept = Math.min(region.length - 1, chars.length); kept >= 1; kept--) {
    const end = region.slice(region.length - kept);
    if (end.every((char, k) => chars[k] === char)) return kept;
  }
  return 0;
}

/** The sequence and check character as read: digits, the check character possibly X. */
const SEQUENCE_DIGITS = /^\d+[\dX]$/u;

/**
 * Whether what a number reading holds before its sequence fits the region and date `start`.
 * Read as digits alone and as long, it differs from it in one or two digits
 * (`MISREAD_CHARACTERS`). Read as digits alone and shorter, it lost its start and must end the
 * date, with at least `MIN_DATE_DIGITS` of it. With a mark's characters among them
 * (4级借0办01218 of 44030620031218, a usage line across the number), the digits legible among
 * them, as many, must appear in the start in their order, and the region must not be legible.
 */
function headFits(head: string, start: string): boolean {
  if (NUMBER_DIGITS.test(head) && head.length === start.length) {
    const apart = charactersApart(head, start);
    return apart > 0 && apart <= MISREAD_CHARACTERS;
  }
  if (NUMBER_DIGITS.test(head)) {
    return head.length >= MIN_DATE_DIGITS && head.length < start.length && start.endsWith(head);
  }
  // Six digits before the mark's characters are the region as printed, which may not be the
  // address's (a holder who moved).
  const legible = head.replace(/\D/gu, '');
  return (
    !REGION_DIGITS.test(head) && legible.length >= MIN_DATE_DIGITS && inOrderWithin(legible, start)
  );
}

/**
 * The number whose region a mark hid (9850723041 of 32030219850723041), whose region and date it
 * crossed (4级借0办012180884 of 440306200312180884), or read whole with a digit or two of them
 * wrong (370162197502203988 of 370102197502203988), put back together from the address's
 * listed region, the printed birth date and the sequence read at its end (`headFits`). A reading
 * that holds another region, an address region the list spells for more than one code, or a
 * development zone, whose code no number carries (`numberCodesOfAddressRegion`), stays as read.
 * The region was read in the address, not in the number, so the result is never vouched for: at
 * most `derivedFromRegion` when the check character accepts it, else as a failed check.
 */
export function numberWithAddressRegion(
  number: IdNumberReading,
  address: FieldReading,
  birth: IsoDate,
  today: IsoDate,
): IdNumberReading | null {
  if (number.valid) return null;
  const chars = Array.from(address.value);
  const length = matchedPrefixLength(addressRegions(), chars);
  const codes = numberCodesOfAddressRegion(chars.slice(0, length).join(''));
  if (length === 0 || codes.length !== 1) return null;
  // The region and the date, which what the reading holds before its sequence must fit.
  const start = `${codes[0]}${birth.replaceAll('-', '')}`;
  const read = Array.from(number.value);
  const values = SEQUENCE_LENGTHS.flatMap((sequence) => {
    const tail = read.slice(-sequence).join('');
    const head = read.slice(0, -sequence).join('');
    const fits = SEQUENCE_DIGITS.test(tail) && headFits(head, start);
    return fits ? [`${start}${tail}`] : [];
  });
  const checked = values.filter((value) => checkIdNumber(value, today).problems.length === 0);
  const [value] = checked.length > 0 ? checked : values;
  if (value === undefined || (checked.length === 0 && values.length > 1)) return null;
  const valid = checked.length > 0;
  return {
    value,
    valid,
    changed: true,
    confidence: valid ? CONFIDENCE.derivedFromRegion : CONFIDENCE.failedCheck,
  };
}

/** The portrait side's fields that print its holder's region. */
type RegionFields = Pick<FrontReading['fields'], 'address' | 'number'>;

/**
 * The code of the region the portrait side names: its address's listed region where that spells
 * one code a number carries (not a development zone's, `numberCodesOfAddressRegion`), else its
 * number's where that names a current division; null when neither does.
 */
function regionCodeOf(front: RegionFields): string | null {
  const chars = Array.from(front.address.value);
  const length = matchedPrefixLength(addressRegions(), chars);
  const codes = length > 0 ? numberCodesOfAddressRegion(chars.slice(0, length).join('')) : [];
  if (codes.length === 1) return codes[0] as string;
  const code = REGION_DIGITS.exec(front.number.value)?.[1];
  return code !== undefined && lookupRegion(code).isCurrent ? code : null;
}

/**
 * The authority whose start a mark hid (安局 five characters or more after its label), from the
 * region the portrait side of the same page names: the one listed name of that region's bureau
 * that ends as read with as many characters before as the space holds (`hiddenBefore`).
 * Null when nothing was hidden, the region is not known, or none or both of its names fit.
 */
export function issueOfFrontsRegion(issue: FieldReading, front: RegionFields): FieldReading | null {
  const hidden = issue.hiddenBefore;
  const read = Array.from(issue.value).length;
  if (hidden === undefined || read < MIN_AUTHORITY_CHARS) return null;
  const code = regionCodeOf(front);
  if (code === null) return null;
  const fitting = issuingAuthoritiesOf(code).filter((name) => {
    const before = Array.from(name).length - read;
    return name.endsWith(issue.value) && before >= hidden.min && before <= hidden.max;
  });
  if (fitting.length !== 1) return null;
  return {
    ...issue,
    value: fitting[0] as string,
    confidence: Math.min(issue.confidence, CONFIDENCE.derivedFromRegion),
  };
}
