import { type IsoDate, isoDateFromParts } from '../../idcard/card-dates.ts';
import {
  DOTTED_NAME_GROUPS,
  isEthnicGroup,
  normalizeEthnicity,
  PRINTED_ETHNICITIES,
} from '../../idcard/ethnic-groups.ts';
import { addressRegions } from '../../idcard/gazetteer.ts';
import { birthDateFromIdNumber, sexFromIdNumber } from '../../idcard/id-number.ts';
import { isSex } from '../../idcard/sex.ts';
import {
  endsInBareNumber,
  rowAfterAddress,
  withoutMarkAfterNumber,
  withoutScrapRows,
  withSureTail,
} from './address-end.ts';
import { digitsWithinOne, fragmentsAgree, showsNoDigit } from './birth-fragments.ts';
import type { FieldReading, FrontReading } from './card-reading.ts';
import { loneEthnicityGlyphs, loneSexGlyph } from './closed-values.ts';
import { afterAgreement, allRightProbability, CONFIDENCE, capped } from './confidence.ts';
import { digitOf } from './digit-glyphs.ts';
import { mayMissCharacter, missingCharacterPositions } from './dropped-characters.ts';
import type { FrontGlyphs } from './front-layout.ts';
import {
  acceptedVariants,
  type CharMapping,
  dominantVariant,
  firstReading,
  likelihood,
  type Variant,
} from './glyph-variants.ts';
import { boxOfGlyphs, type Glyph, HAN_CHAR, textOf, trimNonHan } from './glyphs.ts';
import {
  type IdNumberReading,
  numberAroundBirthDate,
  numberWithBirthDigits,
  readIdNumber,
} from './id-number-reading.ts';
import { withMiddleDot } from './name-dot.ts';
import { withNamePriors } from './name-priors.ts';
import { beginsMarkWording, endsAsMarkWording, markWordingFrom } from './overlay-marks.ts';
import { matchPlaceAfterLabel, placeConfidence } from './place-names.ts';
import type { Extent } from './quad-geometry.ts';
import { addressWithNumbersRegion, numberWithAddressRegion } from './region-across-fields.ts';
import { withStandardRunnerUps } from './standard-address-characters.ts';
import { holdsNonStandardHan } from './standard-name-characters.ts';
import { hasCommonSurname, startsWithCompoundSurname } from './surnames.ts';
import { withTownChecked } from './town-names.ts';
import { alternativeValues, MAX_ALTERNATIVES } from './value-alternatives.ts';

/** Han characters, and the middle dot of transliterated names (阿依古丽·买买提). */
const NAME_SHAPE = /^[\p{Script=Han}·•]{2,}$/u;
/**
 * A name without a middle dot of more characters than a surname (compound ones included) and a
 * given name of up to three: five-character Han names exist but are rare.
 */
const LONG_NAME = /^[^·•]{5,}$/u;
const NAME_CHAR = /^[\p{Script=Han}·•]$/u;
/** Four characters or more without a middle dot: room for two transliterated parts. */
const UNDOTTED_PARTS = /^[^·•]{4,}$/u;
/** An address is written in Han characters with house numbers; a few characters are not one. */
const ADDRESS_SHAPE = /^(?=.*\p{Script=Han})[\p{Script=Han}\p{N}A-Za-z()（）·\-－#]{6,}$/u;
/** The address's label, which the value may be read together with. */
const ADDRESS_LABEL = '住址';
/**
 * 年, 月 and 日 between digit groups; lenient with misread separators, strict with digits. What
 * precedes the year is what is left of the label 出生 boxed with the date (生, a colon): the row
 * holds nothing else before it.
 */
const BIRTH_SHAPE = /^\D*?(\d{4})\D+(\d{1,2})\D+(\d{1,2})\D*$/;

/** Birth digits read as digits, the printed 年/月/日 as they are. */
const birthMapping: CharMapping = (char) => digitOf(char) ?? char;

function birthOf(chars: readonly string[], today: IsoDate): IsoDate | null {
  const match = BIRTH_SHAPE.exec(chars.join(''));
  if (!match) return null;
  const iso = isoDateFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
  return iso !== null && iso <= today ? iso : null;
}

/**
 * Given names lean on rare characters, which the recogniser misreads as common look-alikes
 * with high probability (元 at 0.96 for 亓, 活 at 0.982 for 湉; 0.99 at most for characters read
 * right), so a name character's probability counts this many times over. With 3, 雷活成 came
 * at 0.92 on the second generated set; 4 leaves no wrong name at 0.9 or more on the three sets.
 */
const NAME_PROB_EXPONENT = 4;
/**
 * A runner-up the recogniser gave at least this probability may complete a compound surname;
 * below it, it is one of the look-alikes every character has.
 */
const SURNAME_ALTERNATIVE_PROB = 0.1;

function freeText(
  glyphs: readonly Glyph[],
  shape: RegExp,
  valueLeft: number,
  probExponent = 1,
): FieldReading {
  const value = textOf(glyphs);
  const p = allRightProbability(glyphs.map((g) => g.prob ** probExponent));
  const cap = !shape.test(value)
    ? CONFIDENCE.failedCheck
    : mayMissCharacter(glyphs, valueLeft)
      ? CONFIDENCE.mayMissCharacter
      : CONFIDENCE.ceiling;
  return {
    value,
    confidence: capped(p, cap),
    box: boxOfGlyphs(glyphs),
    incomplete: value === '' || cap !== CONFIDENCE.ceiling,
  };
}

/**
 * The name without stray Latin letters at its ends (the guilloche and the label's remains read
 * as X or YON) nor a mark's character there (`withoutMarkEnds`; `marked`, whether marks were read
 * on the face) nor what it reads on into a mark (`beforeMarkWording`), a close call between
 * characters settled by what is true of names (`withNamePriors`); not vouched for when trimmed,
 * cut or so settled, when it does not start with a common surname, when it is longer than names
 * run, when it holds a character outside the 通用规范汉字表 (`holdsNonStandardHan`), or when it
 * ends as a mark's wording does (`endsAsMarkWording`).
 */
function readName(glyphs: readonly Glyph[], valueLeft: number, marked: boolean): FieldReading {
  const trimmed = trimNonHan(glyphs);
  const unmarked = beforeMarkWording(withoutMarkEnds(trimmed.glyphs, marked));
  const settled = withNamePriors(unmarked);
  const reading = freeText(settled.glyphs, NAME_SHAPE, valueLeft, NAME_PROB_EXPONENT);
  const compound = compoundSurnameReading(settled.glyphs);
  if (compound !== null) {
    return {
      ...reading,
      value: compound,
      confidence: Math.min(reading.confidence, CONFIDENCE.changedByCheck),
    };
  }
  const cap = [
    trimmed.trimmed || unmarked !== trimmed.glyphs || settled.changed
      ? CONFIDENCE.changedByCheck
      : CONFIDENCE.ceiling,
    hasCommonSurname(reading.value) ? CONFIDENCE.ceiling : CONFIDENCE.uncommonSurname,
    LONG_NAME.test(reading.value) ? CONFIDENCE.longName : CONFIDENCE.ceiling,
    holdsNonStandardHan(settled.glyphs) ? CONFIDENCE.nonStandardCharacter : CONFIDENCE.ceiling,
    endsAsMarkWording(reading.value) ? CONFIDENCE.overlaidByMark : CONFIDENCE.ceiling,
  ];
  return {
    ...reading,
    confidence: Math.min(reading.confidence, ...cap),
    alternatives: alternativeValues(settled.glyphs, (char) => NAME_CHAR.test(char)),
  };
}

/** Fewest characters a name keeps when a mark's character is cut from its ends. */
const MIN_NAME_CHARS = 2;

/**
 * The name without a mark's character read onto its ends: a first that begins a mark's usual
 * wording (已陶雨 under 已核验; none of 此仅他复禁已与样 is a common surname), and, on a face
 * where marks were read (`marked`), a last that ends one (`endsAsMarkWording`: 陈胜本 under 样本).
 * A few given names end in 本 or 致, so an unmarked face keeps its name's last character, not
 * vouched for. A name keeps at least `MIN_NAME_CHARS`; the same glyphs come back where nothing
 * was cut.
 */
function withoutMarkEnds(glyphs: readonly Glyph[], marked: boolean): readonly Glyph[] {
  let [from, to] = [0, glyphs.length];
  const first = glyphs[from];
  if (to - from > MIN_NAME_CHARS && first && beginsMarkWording(first.char)) from++;
  const last = glyphs[to - 1];
  if (marked && to - from > MIN_NAME_CHARS && last && endsAsMarkWording(last.char)) to--;
  return from === 0 && to === glyphs.length ? glyphs : glyphs.slice(from, to);
}

/**
 * The name up to where it reads on into a mark past its surname and its given name's first
 * character (`markWordingFrom`): a usage line or a stamp crossing the name's row read onto its
 * end (徐诗萍公司办, 蒋霞峰工商银行开, 蒋凯博印件仁, 陈敏海保中心开厂). A given name may spell
 * such a word from its first character (欧阳建设). The same glyphs come back where nothing was
 * cut.
 */
function beforeMarkWording(glyphs: readonly Glyph[]): readonly Glyph[] {
  const chars = glyphs.map((glyph) => glyph.char);
  const surname = startsWithCompoundSurname(chars.join('')) ? 2 : 1;
  const at = markWordingFrom(chars, surname + 1);
  return at === null ? glyphs : glyphs.slice(0, at);
}

/**
 * The name with a compound surname (夏侯, 欧阳) spelled by the recogniser's runner-up for its
 * second character, when its first choice spells none (夏候 for 夏侯): a closed list choosing
 * among readings, never a character the recogniser did not offer. Null when none is spelled.
 */
function compoundSurnameReading(glyphs: readonly Glyph[]): string | null {
  const [first, second] = glyphs;
  if (first === undefined || second === undefined || glyphs.length < 3) return null;
  const read = textOf(glyphs);
  if (startsWithCompoundSurname(read)) return null;
  const spelled = second.alternatives.find(
    (alternative) =>
      alternative.prob >= SURNAME_ALTERNATIVE_PROB &&
      startsWithCompoundSurname(first.char + alternative.char),
  );
  return spelled === undefined ? null : first.char + spelled.char + textOf(glyphs.slice(2));
}

/**
 * Fewest characters an address holds past its county-level region: a card's address goes on to
 * a township or street and a village, road or house number (…湖坪镇江果村委会青竹屯33号), so one or
 * two characters there mean the rest was lost (湛河区桃 of 湛河区桃龙街767号, under a watermark).
 */
const MIN_CHARS_PAST_REGION = 3;

/**
 * Whether an address stops inside its region's name (甘肃省天水市张家川回族 of …张家川回族自治县)
 * or just past it: the rest, often a whole line, was lost.
 */
function endsByItsRegion(value: string): boolean {
  for (const name of addressRegions().names) {
    if (name.startsWith(value)) return true;
    if (value.startsWith(name) && value.length - name.length < MIN_CHARS_PAST_REGION) return true;
  }
  return false;
}

/** Characters of an address's start compared with the regions' (`beginsLikeRegion`). */
const REGION_HEAD = 2;

let regionHeadsCache: ReadonlySet<string> | undefined;

/**
 * Whether an address begins as some region does, in its first `REGION_HEAD` characters (河南,
 * 内蒙, 北京): every card's address begins with its province, so one that begins as none lost its
 * start, most often a whole line under a mark (乡园中塘村250号), or was misread there past repair.
 */
function beginsLikeRegion(value: string): boolean {
  regionHeadsCache ??= new Set(
    [...addressRegions().names].map((name) => Array.from(name).slice(0, REGION_HEAD).join('')),
  );
  return regionHeadsCache.has(Array.from(value).slice(0, REGION_HEAD).join(''));
}

/**
 * The address without scrap rows (`withoutScrapRows`), a row looked at below it for a number's
 * tail that holds none (`withSureTail`) or a mark's character after its number
 * (`withoutMarkAfterNumber`), in the table's characters (`withStandardRunnerUps`), its region
 * checked against the gazetteer (`matchPlace`); what precedes a region in place of the label
 * 住址 is cut off whatever it reads, since an address begins with its province
 * (`matchPlaceAfterLabel`, `beginsWithPlace`), and a value so trimmed, cut or changed is not
 * vouched for, nor is one cut short (`endsByItsRegion`), one that names no region at all (its
 * start lost), one read on a face whose number row gave nothing (`unbounded`), one that ends in
 * a bare number on a wrapped line (`rowAfterAddress`), or one that ends as a mark's wording does
 * (`endsAsMarkWording`). The number row bounds the address
 * from below, and what kept it from being read, a mark or a face framed too large, may have
 * taken the address's last line too (…23栋1单 of …23栋1单元902室, its last line boxed with a
 * usage line across the number). Those cut short, naming no region, unbounded or ending in a
 * bare number on a wrapped line are incomplete.
 */
function readAddress(
  glyphs: readonly Glyph[],
  valueLeft: number,
  unbounded: boolean,
  marks: readonly Extent[],
): FieldReading {
  const tail = withoutMarkAfterNumber(withSureTail(withoutScrapRows(glyphs)));
  const standard = withStandardRunnerUps(tail.glyphs);
  const holesOf = (run: readonly Glyph[]) => missingCharacterPositions(run, valueLeft, marks);
  const read = matchPlaceAfterLabel(standard.glyphs, addressRegions(), 'prefix', {
    label: ADDRESS_LABEL,
    holesOf,
    beginsWithPlace: true,
  });
  const match = withTownChecked(read.match, read.glyphs, read.holes) ?? read.match;
  const value = match.variant.chars.join('');
  const cap = Math.min(
    ADDRESS_SHAPE.test(value) ? CONFIDENCE.ceiling : CONFIDENCE.failedCheck,
    read.trimmed || standard.changed || tail.cut ? CONFIDENCE.changedByCheck : CONFIDENCE.ceiling,
    endsInBareNumber(value) ? CONFIDENCE.openEnded : CONFIDENCE.ceiling,
    endsAsMarkWording(value) ? CONFIDENCE.overlaidByMark : CONFIDENCE.ceiling,
  );
  // One that begins with no region lost its start (a first line the detector did not box) as
  // surely as one cut short lost its end; as incomplete, it gives way to a reading of the lost
  // line that names a region the gazetteer holds, though less sure than a whole reading, and
  // one that does not even begin as a region does, to any reading of that line that names one
  // (`CONFIDENCE.lostStart`); one that ends in a bare number on a wrapped line, to a reading of
  // the row below.
  const rowAfter = rowAfterAddress(read.glyphs);
  const short = endsByItsRegion(value) || match.how === 'none' || unbounded || rowAfter !== null;
  return {
    value,
    confidence: Math.min(
      placeConfidence(match),
      cap,
      short ? CONFIDENCE.mayMissCharacter : CONFIDENCE.ceiling,
      beginsLikeRegion(value) ? CONFIDENCE.ceiling : CONFIDENCE.lostStart,
    ),
    box: boxOfGlyphs(read.glyphs),
    ...(short ? { incomplete: true } : {}),
    ...(rowAfter !== null ? { goesOnIn: rowAfter } : {}),
  };
}

function changed(variant: Variant, share: number, glyphs: readonly Glyph[]): FieldReading {
  return {
    value: variant.chars.join(''),
    confidence: capped(likelihood(variant) * share, CONFIDENCE.changedByCheck),
    box: boxOfGlyphs(glyphs),
  };
}

/** The birth row's first reading, and the date it spells (null when it spells none). */
type PrintedBirth = { first: Variant; printed: IsoDate | null };

function printedBirthOf(glyphs: readonly Glyph[], today: IsoDate): PrintedBirth {
  const first = firstReading(glyphs, birthMapping);
  return { first, printed: birthOf(first.chars, today) };
}

/**
 * The printed birth date, checked against the number's. When they differ, a doubtful printed
 * digit whose alternative makes them agree is taken; otherwise the date comes back as printed
 * with a low confidence. A birth not read at all is taken from a valid number, marked doubtful;
 * one read only in part (a stamp over it) takes the number's date where the legible parts agree.
 */
function readBirth(
  glyphs: readonly Glyph[],
  { first, printed }: PrintedBirth,
  number: IdNumberReading,
  today: IsoDate,
): FieldReading {
  const fromNumber = number.valid ? birthDateFromIdNumber(number.value) : null;
  if (glyphs.length === 0) {
    return fromNumber === null
      ? { value: '', confidence: 0, box: null }
      : { value: fromNumber, confidence: CONFIDENCE.derivedFromNumber, box: null };
  }
  const box = boxOfGlyphs(glyphs);
  const p = allRightProbability(first.probs);
  if (printed !== null && fromNumber === null) {
    return { value: printed, confidence: capped(p), box };
  }
  if (printed !== null && printed === fromNumber) {
    return { value: printed, confidence: capped(afterAgreement(p, number.confidence)), box };
  }
  if (fromNumber !== null) {
    const agreeing = dominantVariant(
      acceptedVariants(glyphs, (chars) => birthOf(chars, today) === fromNumber, birthMapping),
    );
    if (agreeing !== null) {
      return {
        value: fromNumber,
        confidence: capped(
          likelihood(agreeing.variant) * agreeing.share,
          CONFIDENCE.changedByCheck,
        ),
        box,
      };
    }
  }
  // A row that holds the valid number's date's digits but spells no date lost a 年, 月 or 日; one
  // digit short of them, it lost a digit under a mark or the recogniser dropped it; one digit
  // long, it took a stroke for one: the number's date, shown to the clerk.
  if (fromNumber !== null && digitsWithinOne(textOf(glyphs), fromNumber)) {
    return { value: fromNumber, confidence: CONFIDENCE.derivedFromNumber, box };
  }
  // A row partly hidden under a stamp takes the number's date where what is legible agrees; the
  // number's digits stand in for the hidden ones, so the date is shown to the clerk.
  const numberDate = birthDateFromIdNumber(number.value);
  if (printed === null && numberDate !== null && fragmentsAgree(textOf(glyphs), numberDate)) {
    return {
      value: numberDate,
      confidence: number.valid ? CONFIDENCE.derivedFromNumber : CONFIDENCE.failedCheck,
      box,
    };
  }
  // A row with no digit read in it shows a mark in the date's place: as unread, the valid
  // number's date, shown to the clerk.
  if (fromNumber !== null && showsNoDigit(first.chars.join(''))) {
    return { value: fromNumber, confidence: CONFIDENCE.derivedFromNumber, box };
  }
  return {
    value: printed ?? textOf(glyphs),
    confidence: capped(p, CONFIDENCE.failedCheck),
    box,
  };
}

/**
 * The sex, checked against the parity of the number's 17th digit. A misread or disagreeing
 * character is replaced only by a recogniser alternative that agrees with a valid number.
 */
function readSex(glyphs: readonly Glyph[], number: IdNumberReading): FieldReading {
  const fromNumber = number.valid ? sexFromIdNumber(number.value) : null;
  if (glyphs.length === 0) {
    return fromNumber === null
      ? { value: '', confidence: 0, box: null }
      : { value: fromNumber, confidence: CONFIDENCE.derivedFromNumber, box: null };
  }
  const value = textOf(glyphs);
  const p = allRightProbability(glyphs.map((g) => g.prob));
  const box = boxOfGlyphs(glyphs);
  if (isSex(value) && (fromNumber === null || value === fromNumber)) {
    const confidence = fromNumber === null ? p : afterAgreement(p, number.confidence);
    return { value, confidence: capped(confidence), box };
  }
  if (fromNumber !== null) {
    const agreeing = dominantVariant(
      acceptedVariants(glyphs, (chars) => chars.join('') === fromNumber),
    );
    if (agreeing !== null) return changed(agreeing.variant, agreeing.share, glyphs);
  }
  const lone = loneSexGlyph(glyphs);
  if (lone !== null) {
    // Chosen among a mark's characters, so shown to the clerk, agreeing with the number or not.
    const cap = lone.char === fromNumber ? CONFIDENCE.changedByCheck : CONFIDENCE.failedCheck;
    return { value: lone.char, confidence: capped(lone.prob, cap), box: boxOfGlyphs([lone]) };
  }
  if (fromNumber !== null) {
    // Nothing like 男 or 女 was read there (a mark over the row): the number's, as unread.
    return { value: fromNumber, confidence: CONFIDENCE.derivedFromNumber, box };
  }
  return { value, confidence: capped(p, CONFIDENCE.failedCheck), box };
}

/** Whether `printed` and `read`, of one length, differ in exactly one character. */
function oneSubstitutionApart(printed: readonly string[], read: readonly string[]): boolean {
  return (
    printed.length === read.length && printed.filter((char, i) => char !== read[i]).length === 1
  );
}

/**
 * The one printed ethnicity a character away from a reading of two or more characters, or null
 * when none or several are: one character read wrong, or one lost (under a stamp, or dropped by
 * the recogniser without a trace). The list is closed, so a lone neighbour is the only value the
 * card can print there (联鲜: 朝鲜, 伦春: 鄂伦春), but the recogniser never read it.
 */
function lonePrintedNeighbour(value: string): string | null {
  const chars = Array.from(value);
  if (chars.length < 2) return null;
  const neighbours = PRINTED_ETHNICITIES.filter((group) => {
    const printed = Array.from(group);
    if (printed.length === chars.length + 1) {
      return printed.some((_, i) => printed.toSpliced(i, 1).join('') === value);
    }
    return oneSubstitutionApart(printed, chars);
  });
  return neighbours.length === 1 ? (neighbours[0] as string) : null;
}

/**
 * The one printed ethnicity of two or more characters a character away from a stretch of a
 * longer reading, or null when none or several are. A usage line written across the row is read
 * together with the value, and a character of the value misread under its strokes
 * (司就哈屋建档使 of 哈尼 under 仅供本公司就诊建档使用): no group is spelled whole among the
 * mark's characters (`loneEthnicityGlyphs`), but the list is closed, so its lone neighbour in
 * the reading is the only value the card can print there. Chosen, never read.
 */
function lonePrintedNeighbourWithin(value: string): string | null {
  const chars = Array.from(value);
  const neighbours = PRINTED_ETHNICITIES.filter((group) => {
    const printed = Array.from(group);
    if (printed.length < 2 || printed.length >= chars.length) return false;
    return chars.some((_, start) => {
      const stretch = chars.slice(start, start + printed.length);
      return stretch.every((char) => HAN_CHAR.test(char)) && oneSubstitutionApart(printed, stretch);
    });
  });
  return neighbours.length === 1 ? (neighbours[0] as string) : null;
}

/**
 * The ethnic group without 族. One outside the printed list may become an alternative in it or,
 * failing that, the list's lone neighbour of the reading; neither is vouched for.
 */
function readEthnicity(glyphs: readonly Glyph[]): FieldReading {
  const value = normalizeEthnicity(textOf(glyphs));
  const p = allRightProbability(glyphs.map((g) => g.prob));
  const box = boxOfGlyphs(glyphs);
  if (isEthnicGroup(value)) return { value, confidence: capped(p), box };
  const listed = dominantVariant(
    acceptedVariants(glyphs, (chars) => isEthnicGroup(chars.join(''))),
  );
  if (listed !== null) {
    const reading = changed(listed.variant, listed.share, glyphs);
    return { ...reading, value: normalizeEthnicity(reading.value) };
  }
  const lone = loneEthnicityGlyphs(glyphs);
  if (lone !== null) {
    const loneP = allRightProbability(lone.map((g) => g.prob));
    return {
      value: textOf(lone),
      confidence: capped(loneP, CONFIDENCE.changedByCheck),
      box: boxOfGlyphs(lone),
    };
  }
  const neighbour = lonePrintedNeighbour(value) ?? lonePrintedNeighbourWithin(value);
  if (neighbour !== null) {
    return { value: neighbour, confidence: capped(p, CONFIDENCE.chosenByGazetteer), box };
  }
  return { value, confidence: capped(p, CONFIDENCE.failedCheck), box };
}

function readNumberField(glyphs: readonly Glyph[], number: IdNumberReading): FieldReading {
  return { value: number.value, confidence: number.confidence, box: boxOfGlyphs(glyphs) };
}

/**
 * A name read without the middle dot its holder's group writes names with is not vouched for,
 * and offers the name with the dot where the characters leave the widest gap (`withMiddleDot`).
 */
function withDotDoubt(
  name: FieldReading,
  ethnicity: FieldReading,
  glyphs: readonly Glyph[],
): FieldReading {
  if (!DOTTED_NAME_GROUPS.has(ethnicity.value) || !UNDOTTED_PARTS.test(name.value)) return name;
  const dotted = withMiddleDot(name.value, trimNonHan(glyphs).glyphs);
  const others = name.alternatives ?? [];
  return {
    ...name,
    confidence: Math.min(name.confidence, CONFIDENCE.undottedName),
    alternatives: dotted === null ? others : [dotted, ...others].slice(0, MAX_ALTERNATIVES),
  };
}

/**
 * The portrait side's fields in the API's form, cross-checked against the number; `marks` are
 * where marks stand over the face (`FaceText.marks`).
 */
export function readFrontFields(
  glyphs: FrontGlyphs,
  today: IsoDate,
  marks: readonly Extent[],
): FrontReading {
  const number = readIdNumber(glyphs.number, today);
  const ethnicity = readEthnicity(trimNonHan(glyphs.ethnicity).glyphs);
  const birthRow = printedBirthOf(glyphs.birth, today);
  const birth = readBirth(glyphs.birth, birthRow, number, today);
  // Only the number shows the date the birth row lent it; the birth row and the sex are
  // checked against the number as read, so that the date never vouches for itself.
  const printedBirth = birthRow.printed;
  const address = readAddress(glyphs.address, glyphs.valueLeft, glyphs.number.length === 0, marks);
  // A mark over the number's date or over its region: the birth row and the address still
  // print them.
  const shown =
    printedBirth === null
      ? null
      : (numberAroundBirthDate(number, printedBirth, today) ??
        numberWithBirthDigits(number, printedBirth, today) ??
        numberWithAddressRegion(number, address, printedBirth, today));
  const numberRead = shown ?? number;
  return {
    side: 'front',
    fields: {
      name: withDotDoubt(
        readName(glyphs.name, glyphs.valueLeft, marks.length > 0),
        ethnicity,
        glyphs.name,
      ),
      sex: readSex(trimNonHan(glyphs.sex).glyphs, number),
      ethnicity,
      birth,
      address: addressWithNumbersRegion(address, numberRead) ?? address,
      number: readNumberField(glyphs.number, numberRead),
    },
  };
}
