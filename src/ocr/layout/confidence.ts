/**
 * Per-field confidence, 0-1. The aim is calibration at the top: a value at 0.9 or above must
 * almost never be wrong, because the app lets such values through unmarked. The recogniser's
 * character probabilities are the starting point (their product is the chance that every
 * character is right, if they are honest); format checks and cross-checks then cap or raise it.
 */
export const CONFIDENCE = {
  /** The most any reading gets: OCR is never certain. */
  ceiling: 0.99,
  /** A value that fails its own format or a cross-check, returned as read. */
  failedCheck: 0.3,
  /**
   * A value the checks changed from the recogniser's first choice to one of its alternatives.
   * The evidence is good but indirect, so such a value is always shown to the clerk.
   */
  changedByCheck: 0.85,
  /** A printed value that was not read at all, taken from the valid number instead. */
  derivedFromNumber: 0.5,
  /**
   * Characters of the region a mark hid in one printing of it, taken from another (the
   * number's region digits, the address's start, the authority of the address's county:
   * `region-across-fields.ts`). The printings agree on most cards but not all.
   */
  derivedFromRegion: 0.5,
  /**
   * A validity end that was not read, taken from its start and the holder's age at the start
   * by the validity rule (`completeAcrossFaces`): derived, not read, so shown to the clerk.
   */
  derivedFromRule: 0.5,
  /** A name that does not start with a common surname (`hasCommonSurname`). */
  uncommonSurname: 0.85,
  /**
   * A name longer than Han names run without a middle dot (five characters or more): real ones
   * are rare, and a mark's character read onto a four-character name makes one (许娟德阳证).
   */
  longName: 0.85,
  /** A name holding a Han character outside the 通用规范汉字表 (`holdsNonStandardHan`). */
  nonStandardCharacter: 0.85,
  /**
   * A name of four characters or more without a middle dot, on a card of a group whose names are
   * transliterated in parts (`DOTTED_NAME_GROUPS`): the dot is a small mark the recogniser drops
   * without a trace (艾力努尔 for 艾力·努尔 at 0.99).
   */
  undottedName: 0.85,
  /**
   * A place name the gazetteer completed where the recogniser read none: a doubtful character
   * replaced by the only one that makes a real name, or a dropped one restored. Chosen, not read.
   */
  chosenByGazetteer: 0.7,
  /**
   * A place name that is another one without its first character (南县公安局 of 桦南县公安局):
   * the recogniser drops a first character it does not know and leaves no trace of it.
   */
  endsLongerName: 0.85,
  /**
   * A value a stamp or a written mark stands over or touches (`touchesMark`): what the mark
   * covers is lost without a trace, so the value is shown to the clerk however surely it read.
   */
  overlaidByMark: 0.85,
  /**
   * A place name the gazetteer holds, read after characters it does not hold (商丘市 of
   * 商丘市永城市公安局): kept as read, since cards print such variants, but nothing checked them.
   */
  beyondGazetteer: 0.85,
  /**
   * An address ending in a bare number (…4单元2705): cards print 号 or 室 after house and room
   * numbers, and the recogniser drops a line's last character without a trace (室 of 2705室).
   */
  openEnded: 0.85,
  /**
   * A place the gazetteer holds nothing of (`PlaceMatch.how` 'none'): kept as read, since cards
   * print variants the list lacks, but nothing checked it. An address that begins with no region
   * lost its start with a line the detector missed (乡关银溪村1组7号 of 山西省临汾市翼城县青花乡
   * 关银溪村1组7号) or was misread past repair; a misread character of a listed bureau makes an
   * unlisted one (阜阳市公安局颖州分局 for 颍州, 0.96 as read).
   */
  unlistedPlace: 0.85,
  /**
   * An address that begins as no region does (`beginsLikeRegion`): wrong as it stands, its
   * start lost. It gives way to any reading of the lost line that names a region, however
   * unsure (河北省沧州市南皮县金黄乡园中塘村250号 at 0.15, read under a usage line, for
   * 乡园中塘村250号 without it), where `CONFIDENCE.mayMissCharacter` let the shorter stand.
   */
  lostStart: 0.02,
  /**
   * A name or address read in part from a line the detector had not boxed, read from where the
   * card prints it (`lookAtUnboxed`): something over it, most often a mark, kept the detector
   * from finding it, and may have changed what the recogniser read there.
   */
  readUnboxed: 0.85,
  /** Free text with a hole where a character may have been dropped (`mayMissCharacter`). */
  mayMissCharacter: 0.5,
} as const;

/**
 * How often a wrong reading still passes each check. A single wrong character of the number
 * passes the MOD 11-2 check character with probability 1/11 at most; a misread date passes the
 * validity-period rule (same month and day, 5/10/20 years apart) only when the error sits in
 * the end year's tens digit (2035 as 2025), about one error in ten. A misread place name still
 * spells a real one only when the misreading lands on a sibling's name: 16 % of the address
 * regions and 60 % of the issuing authorities differ from another in one character (东区 and
 * 西区), but a misreading must pick that very character among thousands, so one error in ten is
 * a generous bound. (A dropped character is another matter: `CONFIDENCE.endsLongerName`.)
 */
export const FALSE_PASS_RATE = {
  checkCharacter: 1 / 11,
  validityRule: 0.1,
  placeName: 0.1,
} as const;

/** The chance that every character is right: the product of their probabilities. */
export function allRightProbability(probs: readonly number[]): number {
  return probs.reduce((product, p) => product * p, 1);
}

/**
 * Bayes' rule for a reading that passed a check: with prior `p` of being right, and wrong
 * readings passing at `falsePassRate`, the chance that it is right given that it passed.
 */
export function afterPassedCheck(p: number, falsePassRate: number): number {
  return p / (p + (1 - p) * falsePassRate);
}

/** Two independent readings that agree are both wrong only if both are (1 - p1)(1 - p2). */
export function afterAgreement(p1: number, p2: number): number {
  return 1 - (1 - p1) * (1 - p2);
}

export function capped(value: number, cap: number = CONFIDENCE.ceiling): number {
  return Math.max(0, Math.min(value, cap));
}
