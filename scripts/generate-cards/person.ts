import {
  anniversaries,
  formatPrintedDate,
  type IsoDate,
  isoDateFromParts,
  isoDateParts,
} from '../../src/idcard/card-dates.ts';
import type { BackFields, FrontFields } from '../../src/idcard/card-fields.ts';
import { ETHNIC_GROUPS } from '../../src/idcard/ethnic-groups.ts';
import { computeCheckCharacter } from '../../src/idcard/id-number.ts';
import { allCounties, type County, lookupRegion, regionPrefix } from '../../src/idcard/regions.ts';
import type { Sex } from '../../src/idcard/sex.ts';
import { LONG_TERM, type ValidTo, validityYearsForAge } from '../../src/idcard/validity-period.ts';
import { randomAddress } from './addresses.ts';
import type { BackPrint, FrontPrint } from './card-face-svg.ts';
import { wrapAddress } from './card-layout.ts';
import { issuingAuthority } from './issuing-authority.ts';
import { type CanDraw, randomName } from './names.ts';
import type { SeededRandom } from './seeded-random.ts';

/** A made-up card holder whose card is consistent by construction. */
export type Person = {
  name: string;
  sex: Sex;
  ethnicity: string;
  birth: IsoDate;
  address: string;
  number: string;
  issue: string;
  validFrom: IsoDate;
  validTo: ValidTo;
};

/** Second-generation cards were first issued on 2004-03-29. */
const FIRST_ISSUE: IsoDate = '2004-03-29';

/** Share of cards that are still valid on the reference date (the rest have run out). */
const VALID_SHARE = 0.92;

/**
 * Groups that are common in a province, so that names, regions and ethnicities go together as on
 * real cards: by the province's two-digit code.
 */
const REGIONAL_GROUPS: Record<string, readonly string[]> = {
  '15': ['蒙古', '满', '回', '达斡尔', '鄂温克'],
  '22': ['朝鲜', '满'],
  '43': ['土家', '苗', '侗', '瑶'],
  '45': ['壮', '瑶', '苗', '仫佬', '京'],
  '52': ['苗', '布依', '侗', '水', '仡佬'],
  '53': ['彝', '白', '哈尼', '傣', '傈僳', '佤', '纳西', '景颇'],
  '54': ['藏', '门巴', '珞巴'],
  '63': ['藏', '回', '土', '撒拉'],
  '64': ['回'],
  '65': ['维吾尔', '哈萨克', '回', '柯尔克孜', '锡伯', '塔吉克'],
};

function randomEthnicity(random: SeededRandom, provinceCode: string): string {
  const regional = REGIONAL_GROUPS[provinceCode];
  if (regional && random.chance(0.5)) return random.pick(regional);
  if (random.chance(0.8)) return '汉';
  return random.pick(ETHNIC_GROUPS);
}

function dateBetween(random: SeededRandom, from: IsoDate, to: IsoDate): IsoDate {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const day = new Date(start + random.int(0, Math.round((end - start) / 86_400_000)) * 86_400_000);
  const iso = isoDateFromParts(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
  if (iso === null) throw new Error(`no date between ${from} and ${to}`);
  return iso;
}

function addDays(iso: IsoDate, days: number): IsoDate {
  const day = new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000);
  return day.toISOString().slice(0, 10);
}

function yearsBefore(iso: IsoDate, years: number): IsoDate {
  const { year, month, day } = isoDateParts(iso);
  return isoDateFromParts(year - years, month, Math.min(day, 28)) ?? iso;
}

/**
 * The card's period: issued after the holder's birth and after second-generation cards began,
 * as long as the law gives for the age at issue, ending on the same month and day.
 */
function randomValidity(random: SeededRandom, birth: IsoDate, today: IsoDate) {
  const wantValid = random.chance(VALID_SHARE);
  const earliest = birth > FIRST_ISSUE ? addDays(birth, 30) : FIRST_ISSUE;
  let period: { from: IsoDate; to: ValidTo } | undefined;
  for (let attempt = 0; attempt < 60; attempt++) {
    const from = dateBetween(random, earliest, addDays(today, -1));
    // A period from 29 February has two possible ends; keep the ground truth unambiguous.
    if (from.endsWith('-02-29')) continue;
    const years = validityYearsForAge(birth, from);
    if (years === null) continue;
    const to = years === LONG_TERM ? LONG_TERM : (anniversaries(from, years)[0] ?? from);
    period = { from, to };
    const valid = to === LONG_TERM || to >= today;
    if (valid === wantValid) break;
  }
  if (period === undefined) throw new Error(`no validity period for a holder born ${birth}`);
  return period;
}

function sequenceDigits(random: SeededRandom, sex: Sex): string {
  // The 17th digit is odd for men and even for women (GB 11643-1999); 000 is never assigned.
  const parity = sex === '男' ? 1 : 0;
  const last = random.int(0, 4) * 2 + parity;
  const leading = random.int(last === 0 ? 1 : 0, 99);
  return `${String(leading).padStart(2, '0')}${last}`;
}

/** `canDraw` tells which characters the card's value typeface has; names use only those. */
export function randomPerson(
  random: SeededRandom,
  today: IsoDate,
  canDraw: CanDraw = () => true,
  counties: readonly County[] = allCounties(),
): Person {
  const county = random.pick(counties);
  const region = lookupRegion(county.code);
  const sex: Sex = random.chance(0.5) ? '男' : '女';
  const ethnicity = randomEthnicity(random, county.code.slice(0, 2));
  // Children (cards can be issued at any age) to the very old, weighted to adults.
  const age = random.weighted([
    [random.int(1, 15), 1],
    [random.int(16, 25), 2],
    [random.int(26, 45), 4],
    [random.int(46, 90), 3],
  ]);
  const birth = dateBetween(
    random,
    yearsBefore(today, age + 1),
    addDays(yearsBefore(today, age), -1),
  );
  const first17 = `${county.code}${birth.replaceAll('-', '')}${sequenceDigits(random, sex)}`;
  const period = randomValidity(random, birth, today);
  return {
    name: randomName(random, ethnicity, canDraw),
    sex,
    ethnicity,
    birth,
    address: randomAddress(random, county, regionPrefix(region)),
    number: `${first17}${computeCheckCharacter(first17)}`,
    issue: issuingAuthority(county),
    validFrom: period.from,
    validTo: period.to,
  };
}

/** The portrait side's fields exactly as the API returns them. */
export function frontFields(person: Person): FrontFields {
  const { name, sex, ethnicity, birth, address, number } = person;
  return { name, sex, ethnicity, birth, address, number };
}

/** The emblem side's fields exactly as the API returns them. */
export function backFields(person: Person): BackFields {
  return { issue: person.issue, valid_from: person.validFrom, valid_to: person.validTo };
}

export function frontPrint(person: Person): FrontPrint {
  const { year, month, day } = isoDateParts(person.birth);
  return {
    name: person.name,
    sex: person.sex,
    ethnicity: person.ethnicity,
    birthYear: String(year),
    birthMonth: String(month),
    birthDay: String(day),
    addressLines: wrapAddress(person.address),
    number: person.number,
  };
}

/** `joiner` stands between the two dates: `-` on the card, other dashes on some reproductions. */
export function backPrint(person: Person, joiner = '-'): BackPrint {
  const end = person.validTo === LONG_TERM ? LONG_TERM : formatPrintedDate(person.validTo);
  return { issue: person.issue, validity: `${formatPrintedDate(person.validFrom)}${joiner}${end}` };
}
