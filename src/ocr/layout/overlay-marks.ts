import { extentOfGlyphs, type Glyph, readingAmong } from './glyphs.ts';
import type { Extent } from './quad-geometry.ts';
import { askewLines, tiltedLines } from './tilted-lines.ts';

/**
 * A line the detector boxed on its own that runs from its first character to 使用, its head lost
 * under the card's edge or another box (理就诊建档使用, 建设银行办理手机卡使用): at five characters
 * or more before 使用, more than a piece of a line read onto a value's end (`OVERLAY_MARKS`), it is
 * the usage line's middle, which names anything. A line read from a value's region is not boxed
 * on its own: it holds the value and whatever crosses it (南华县公案档使用, of 南华县公安局 under
 * …建档使用).
 */
const USAGE_LINE_ALONE = /^(?:(?![长期])\p{Script=Han}){5,16}使用/gu;

/**
 * Text stamped, typed or written over a card copy, never printed on the card itself: the words
 * offices stamp on photocopies (复印无效, 禁止复印, 样证), the "for … use only" line clerks add
 * (此复印件仅供办理…使用，他用无效; 仅限…使用), the check stamp (已核验, 与原件一致), and the
 * pieces of those a seal or a letter-spaced stamp breaks into. No field of the card holds these words: names, ethnic groups and dates cannot, and no
 * GB/T 2260 place name or public-security bureau contains 复印, 无效, 禁止, 样证, 使用, 仅供,
 * 仅限, 核验 or 原件.
 * Earlier patterns win where matches overlap, so a whole line is cut before its pieces are.
 */
const OVERLAY_MARKS: readonly RegExp[] = [
  // A "for … use only" line, whatever it names between its ends, with the 件 of the copy it
  // names first (此复印件仅供…) where the rest of that word was lost: no value holds 件仅.
  /件?仅[限供].{0,24}?使用/gu,
  // The same line with its end lost under the card's edge or another box (仅供工商银行办理入职手续).
  /件?仅[限供].{0,24}$/gu,
  // The same line with its 仅 lost (供办理业务使用), and the close such lines often add (他用无效).
  /供.{0,24}?使用|[，,]?他用无效/gu,
  // The middle of such a line, boxed on its own from its first character (where the detector
  // boxed it so: `markedPositions`).
  USAGE_LINE_ALONE,
  // The words of a clerk's check stamp: 已核验, 与原件一致, 与原件核对一致.
  /已?核验|与原件(?:核对)?一致/gu,
  // The same line with its start lost under the card's edge or another box (BDCI比赛使用). Digits
  // and 长期 before it are the validity row's own, which such a line crosses at its end
  // (2007.05.10长期使用 keeps its period), and 局 the issuing authority's (…大丰分局使用).
  /[仅限供]{0,2}[A-Za-z]*(?:(?![长期局])\p{Script=Han}){0,2}使用/gu,
  // A usage line's 使 boxed onto another line's end, its 用 misread after it (西使月) or lost past
  // the box; then the character before it is the line's own (案使 of …档案使用) or the value's
  // last, which it overlaps. After the pattern above, so that 爱使用 goes whole. And its head's
  // 仅 at a line's end or boxed alone (…75号仅). No name, place or authority ends in 使 or 仅; a
  // box of 使 alone, and 件仅 of 复印件仅供, are left to the pieces of wording read onto a value's
  // ends, which take them whole (使 | 用 after an address, 卢钰帅件仅: `withoutPhraseEnds`).
  /(?<=.)(?:使\p{Script=Han}|(?:(?![长期局])\p{Script=Han})?使)$|(?<!件)仅$/gu,
  // 复印无效 with its second or third character misread (复后无效 on a seal, 复印既效), then the
  // stamps' words whole or halved; 样 of a faint watermark is read as its look-alike 祥; the copy
  // a usage line names at its start (此复印件仅供…) is cut whole, not as 复印, its 件 lost or not.
  /复.无效|复印.效|复印件?无效|禁止复印|[此本]复印件?|复印件|[样祥]证|复印|无效|禁止/gu,
  // The square 禁止复印 seal, read across its rows (复禁 / 印止), upright or upside down.
  /复禁|印止|禁复|止印/gu,
];

/**
 * The short words of a stamp or watermark, whole or halved, as `OVERLAY_MARKS` cuts them (not the
 * "for … use only" lines, whose middle names anything).
 */
const STAMP_WORD =
  /^(?:复.无效|复印.效|复印件?无效|禁止复印|[样祥]证|复印|无效|禁止|复禁|印止|禁复|止印)$/u;

/** A face's lines with the overlaid marks cut out, and where the marks were. */
export type WithoutMarks = { lines: Glyph[][]; marks: Extent[] };

/** `OVERLAY_MARKS` without their global flag, whose `test` would carry its position over. */
const OVERLAY_MARK_TESTS = OVERLAY_MARKS.map((pattern) => new RegExp(pattern.source, 'u'));

/**
 * Whether a line's text holds a mark's wording (`OVERLAY_MARKS`, or a piece of `MARK_PHRASES`):
 * such a line was set over the copy at its own angle and says nothing of the card's.
 */
export function holdsMarkWording(text: string): boolean {
  if (OVERLAY_MARK_TESTS.some((pattern) => pattern.test(text))) return true;
  const chars = Array.from(text);
  return chars.some((_, i) => {
    const piece = chars.slice(i, i + PHRASE_PIECE).join('');
    return piece.length === PHRASE_PIECE && MARK_PHRASES.some((phrase) => phrase.includes(piece));
  });
}

/**
 * The glyph positions of `glyphs` that the patterns above cover; `boxedAlone`, where the detector
 * boxed the line on its own (`USAGE_LINE_ALONE`).
 */
function markedPositions(glyphs: readonly Glyph[], boxedAlone: boolean): boolean[] {
  // Index from character offsets in the joined text back to glyphs (a glyph is one character).
  const chars = usageHeadChars(glyphs);
  const owner: number[] = [];
  chars.forEach((char, i) => {
    for (let k = 0; k < char.length; k++) owner.push(i);
  });
  const text = chars.join('');
  const marked = glyphs.map(() => false);
  for (const pattern of OVERLAY_MARKS) {
    if (pattern === USAGE_LINE_ALONE && !boxedAlone) continue;
    for (const match of text.matchAll(pattern)) {
      if (match[0].length === 0) continue;
      const from = owner[match.index] as number;
      const to = owner[match.index + match[0].length - 1] as number;
      if (marked.slice(from, to + 1).some(Boolean)) continue;
      marked.fill(true, from, to + 1);
    }
  }
  for (const [from, to] of misreadPhrases(chars)) {
    if (!marked.slice(from, to).some(Boolean)) marked.fill(true, from, to);
  }
  if (boxedAlone) markHeadBeforeMark(chars, marked);
  return marked;
}

/**
 * Most characters between a mark's usual head read at a line's start (此复 of 此复印件仅供…) and
 * the rest of the mark found after them: the copy the line names (印件), misread (此复即祥仅供…).
 */
const HEAD_GAP = 3;

/**
 * Marks a line's start where it begins as a mark's usual wording does (`beginsMarkWording`) and
 * runs into a mark within `HEAD_GAP` characters: the characters between are the wording's, misread
 * (即祥 of 印件), and no value's (a name read beside the line took them: 慕容新燕即祥). Only for a
 * line the detector boxed on its own: no name, place or authority begins so.
 */
function markHeadBeforeMark(chars: readonly string[], marked: boolean[]): void {
  const mark = marked.indexOf(true);
  if (mark < PHRASE_PIECE || mark > PHRASE_PIECE + HEAD_GAP) return;
  if (!beginsMarkWording(chars.slice(0, PHRASE_PIECE).join(''))) return;
  marked.fill(true, 0, mark);
}

/**
 * Fewest characters of a mark's usual wording (`MARK_PHRASES`) that, read with one of them
 * wrong, still spell it: four (仅供核对 read 又供核对); a shorter word with one character wrong
 * is as often a value's own pair.
 */
const MIN_MISREAD_PHRASE = 4;

/**
 * Where a line spells one of the marks' usual wordings whole but for one character misread (又供核对
 * of a 仅供核对 stamp, its 仅 worn away): the spans, as [from, to) character positions. No value
 * holds three characters of such wording in its order; the one misread character is the mark's,
 * not a value's left beside it.
 */
function misreadPhrases(chars: readonly string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const phrase of MARK_PHRASES) {
    const wording = Array.from(phrase);
    if (wording.length < MIN_MISREAD_PHRASE) continue;
    for (let at = 0; at + wording.length <= chars.length; at++) {
      const wrong = wording.filter((char, k) => chars[at + k] !== char).length;
      if (wrong === 1) spans.push([at, at + wording.length]);
    }
  }
  return spans;
}

/**
 * The head of a usage line, 仅供 or 仅限, with one of its two characters misread and the right one
 * the decoder's runner-up there: 又 for 仅 in 郑杰思又供建设银行办理开户使用, 筷 for 供 in
 * 仅筷工商银行办理入. A value's own characters seldom have these among their runners-up, and never
 * stand right next to the other half of such a head.
 */
function usageHeadChars(glyphs: readonly Glyph[]): string[] {
  const isFirst = (char: string | undefined) => char === '仅';
  const isSecond = (char: string | undefined) => char === '供' || char === '限';
  return glyphs.map((glyph, i) => {
    const read = isSecond(glyphs[i + 1]?.char)
      ? readingAmong(glyph, isFirst)
      : isFirst(glyphs[i - 1]?.char)
        ? readingAmong(glyph, isSecond)
        : undefined;
    return read ?? glyph.char;
  });
}

/** Runs of consecutive marked glyphs: each one mark. */
function markRuns(glyphs: readonly Glyph[], marked: readonly boolean[]): Glyph[][] {
  const runs: Glyph[][] = [];
  glyphs.forEach((glyph, i) => {
    if (!marked[i]) return;
    const run = runs.at(-1);
    if (run !== undefined && marked[i - 1]) run.push(glyph);
    else runs.push([glyph]);
  });
  return runs;
}

/**
 * Cuts overlaid marks out of a face's lines. A line keeps its other glyphs, with a gap where the
 * mark was, so a value read together with a stamp (复赛使用赵立新) keeps its own characters; each
 * mark's extent is kept so that a value it stands over is not vouched for (it may hide
 * characters). `boxedAlone` says which lines the detector boxed on their own, not read from a
 * value's region.
 */
export function withoutOverlayMarks(
  lines: readonly Glyph[][],
  boxedAlone: readonly boolean[],
): WithoutMarks {
  const marks: Extent[] = [];
  const stampChars = new Set<string>();
  const tilted = tiltedLines(lines);
  const askew = askewLines(lines);
  const kept = lines.map((glyphs, i) => {
    if (tilted[i] && glyphs.length > 0) {
      marks.push(extentOfGlyphs(glyphs));
      return [];
    }
    // A line askew of the rows keeps its characters, which may be the card's, but is a mark
    // for what it touches.
    if (askew[i] && glyphs.length > 0) marks.push(extentOfGlyphs(glyphs));
    const marked = markedPositions(glyphs, boxedAlone[i] ?? true);
    if (!marked.some(Boolean)) return glyphs;
    for (const run of markRuns(glyphs, marked)) {
      marks.push(extentOfGlyphs(run));
      const word = run.map((g) => g.char).join('');
      if (STAMP_WORD.test(word)) for (const g of run) stampChars.add(g.char);
    }
    return glyphs.filter((_, i) => !marked[i]);
  });
  return {
    lines: kept.map((glyphs) =>
      withoutPhraseEnds(withoutStampEnds(glyphs, stampChars, marks), marks),
    ),
    marks,
  };
}

/**
 * The marks' usual wording whole, for the pieces of it that a box cut off the rest of the mark
 * carries onto a line's end (本次韩林浩 of 仅限本次使用 over the name).
 */
const MARK_PHRASES = [
  '此复印件仅供办理业务使用',
  '仅限本次使用',
  '他用无效',
  '复印无效',
  '禁止复印',
  '仅供核对',
  '已核验',
  '与原件核对一致',
  '样证',
  '样本',
] as const;

/**
 * A "for … use only" line and nothing else (the first of `OVERLAY_MARKS` held to the whole line),
 * from its head to 使用, with the copy it names first and its close (此复印件仅供办理贷款使用，他用无效),
 * all of it Han: what it names between 仅供 and 使用 is anything, but no value stands inside it.
 */
const USAGE_LINE_WHOLE = /^(?:此复印件)?仅[限供]\p{Script=Han}{1,20}使用(?:[，,]?他用无效)?$/u;

/**
 * Whether a line's whole text is a mark's wording: one of its usual phrases (`MARK_PHRASES`) or
 * a whole usage line (`USAGE_LINE_WHOLE`). Such a line holds nothing of the card's.
 */
export function isMarkWordingAlone(text: string): boolean {
  return (MARK_PHRASES as readonly string[]).includes(text) || USAGE_LINE_WHOLE.test(text);
}

/**
 * Fewest characters of a mark's wording that count as its piece: one character is as often a
 * value's own (本, 次 and 理 begin or end names and addresses); no name, place or authority
 * starts or ends with two consecutive characters of this wording (本次, 办理, 核对, 原件).
 */
const PHRASE_PIECE = 2;

/**
 * Whether `text` is how a mark's usual wording begins (仅 or 仅限 of 仅限本次使用, 此 of 此复印件…):
 * left before a value by a mark whose other characters went to other boxes. No GB/T 2260 place
 * name or public-security bureau begins with 此, 仅, 他, 复, 禁, 已, 与 or 样.
 */
export function beginsMarkWording(text: string): boolean {
  return text.length > 0 && MARK_PHRASES.some((phrase) => phrase.startsWith(text));
}

/**
 * Whether `text` ends with the character a mark's usual wording ends with (证 of 样证, 效 of
 * 无效, 用 of 使用): a stamp over a value's end leaves that character read as the value's last,
 * its other characters lost in the value's strokes (龚民证 at 0.97 under a 样证 over 民).
 */
export function endsAsMarkWording(text: string): boolean {
  const last = Array.from(text).at(-1);
  return last !== undefined && MARK_PHRASES.some((phrase) => phrase.endsWith(last));
}

/**
 * What "for … use only" lines name between 仅供 and 使用: the places and errands a copy is handed
 * in for. A line crossing a name's row leaves these read onto the name's end (徐诗萍公司办). The
 * list is the wording our own card generator writes (`scripts/generate-cards/overlays.ts`), which
 * covers common errands but not all: a real line naming another (护照, 公积金) is not cut here.
 */
const USAGE_ERRANDS = [
  '工商银行',
  '建设银行',
  '农业银行',
  '中国银行',
  '银行',
  '公司',
  '医院',
  '社保中心',
  '营业厅',
  '手机卡',
  '开户',
  '入职手续',
  '就诊建档',
  '入住登记',
  '贷款',
  '备案',
] as const;

/**
 * Where, from character `from` on, a name's characters read on into a mark: the first position
 * at which two or more consecutive characters of a mark's usual wording (`MARK_PHRASES`) or of a
 * usage line's errand (`USAGE_ERRANDS`) begin (印件 of 此复印件, 保中 of 社保中心, 公司); null where
 * none does. Past a surname and a given name's first character, no name spells these words.
 */
export function markWordingFrom(chars: readonly string[], from: number): number | null {
  const words = [...MARK_PHRASES, ...USAGE_ERRANDS];
  for (let at = from; at + PHRASE_PIECE <= chars.length; at++) {
    const piece = chars.slice(at, at + PHRASE_PIECE).join('');
    if (words.some((word) => word.includes(piece))) return at;
  }
  return null;
}

/**
 * Whether `text` is one character of a mark's usual wording (用 of 使用): alone in a box drawn
 * over the card's print, it is the mark's, which the card does not print over itself.
 */
export function isMarkCharacter(text: string): boolean {
  return Array.from(text).length === 1 && MARK_PHRASES.some((phrase) => phrase.includes(text));
}

function isPhrasePiece(glyphs: readonly Glyph[]): boolean {
  const text = glyphs.map((g) => g.char).join('');
  return text.length >= PHRASE_PIECE && MARK_PHRASES.some((phrase) => phrase.includes(text));
}

/**
 * Cuts the longest piece of a mark's wording (`MARK_PHRASES`) from each end of a line, or of a
 * value gathered from several boxes (a watermark's 使用 boxed one character at a time after an
 * address), and keeps it as a mark so that the value it was read with is not vouched for.
 */
export function withoutPhraseEnds(glyphs: readonly Glyph[], marks: Extent[]): Glyph[] {
  let from = 0;
  let to = glyphs.length;
  for (let end = to; end - from >= PHRASE_PIECE; end--) {
    if (isPhrasePiece(glyphs.slice(from, end))) {
      marks.push(extentOfGlyphs(glyphs.slice(from, end)));
      from = end;
      break;
    }
  }
  for (let start = from; to - start >= PHRASE_PIECE; start++) {
    if (isPhrasePiece(glyphs.slice(start, to))) {
      marks.push(extentOfGlyphs(glyphs.slice(start, to)));
      to = start;
      break;
    }
  }
  return glyphs.slice(from, to);
}

/**
 * A stamp or watermark repeated across a copy is also read one character at a time onto the ends
 * of the lines it crosses (许娟德阳证 under a tiled 样证, 样住址): a line's first or last glyph is
 * cut, and kept as a mark so that the value it ended is not vouched for, when it is a character of
 * a stamp word read whole elsewhere on the same face. No card value starts or ends with these
 * characters often enough to weigh against that (the price: an address line starting with 复
 * on a copy stamped 复印无效 loses it, and is shown to the clerk).
 */
function withoutStampEnds(
  glyphs: readonly Glyph[],
  stampChars: ReadonlySet<string>,
  marks: Extent[],
): Glyph[] {
  let from = 0;
  let to = glyphs.length;
  const isStamp = (i: number) => stampChars.has(glyphs[i]?.char ?? '');
  if (to > from && isStamp(from)) from++;
  if (to > from && isStamp(to - 1)) to--;
  for (const cut of [...glyphs.slice(0, from), ...glyphs.slice(to)]) {
    marks.push(extentOfGlyphs([cut]));
  }
  return glyphs.slice(from, to);
}

/**
 * Whether a mark stands over a value's box or touches its ends: within half the value's height
 * to either side, on the same rows. A seal over a line hides what is under it, and the reading
 * closes up with no trace of the loss (河西道办事处 for 河西街道办事处 under 禁止复印).
 */
export function touchesMark(value: Extent, marks: readonly Extent[]): boolean {
  const reach = (value.bottom - value.top) / 2;
  return marks.some(
    (mark) =>
      mark.left <= value.right + reach &&
      mark.right >= value.left - reach &&
      mark.top < value.bottom &&
      mark.bottom > value.top,
  );
}
