import type { SeededRandom } from './seeded-random.ts';
import { charactersOfLevel, type StandardLevel, standardLevel } from './standard-characters.ts';

/**
 * Made-up names in the proportions a counter sees, every character from the 通用规范汉字表: most
 * names hold only level-1 characters (common surnames, compound ones like 欧阳 and 夏侯, everyday
 * given-name characters, transliterated names with a middle dot for some minority groups); a
 * fixed share holds one character of levels 2 and 3, as a surname (廖, 禤, 仉, 澹台), a character
 * parents pick to stand out (琰, 堃) or any character of those levels, so a benchmark shows what
 * a recogniser's dictionary cannot spell.
 */

/** Share of names holding a level-2 or level-3 character: a testing rate, a fifth to a quarter. */
export const UPPER_LEVEL_NAME_SHARE = 0.22;

/** The most frequent surnames (公安部 2020 surname report order, roughly). */
const COMMON_SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文',
];

/** Rare single-character surnames. */
const RARE_SURNAMES = [
  ...'亓晁禚缑仉暴冼隗逄钮靳阚訾郗宓檀蒯厍昝佴乜笪綦巩邝郜眭禤甄蓟扈芮劳燕闵揭糜殳逯',
];

/** Compound surnames of the 百家姓. */
const COMPOUND_SURNAMES = [
  ...['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯'],
  ...['司徒', '长孙', '宇文', '轩辕', '独孤', '南宫', '端木', '呼延', '百里', '澹台', '公冶'],
  ...['宗政', '濮阳', '淳于', '单于', '太叔', '申屠', '闻人', '赫连', '钟离', '闾丘', '拓跋'],
  ...['万俟', '亓官', '仉督', '颛孙', '壤驷', '第五', '西门', '东郭'],
];

/** Everyday given-name characters. */
const COMMON_GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂华玉兰萍建国红志成辉鹏斌宇浩凯健俊帆帅旭宁博文新欣怡雪梅琳晶慧颖婷佳倩丹亮飞波海峰林春晓燕莉婧瑶雯思雨嘉诗子梓涵轩晨阳宏德永胜利民福荣昌庆',
];

/** Less common characters parents pick to stand out. */
const CHOSEN_GIVEN = [
  ...'翀琰玥昶煜珩彧婕骁晟璟昀赟喆堃淼犇鑫垚焱燚珺琦瑾璇曦晗祎祺禛骞旻昊钰铖锴镕湉溦滢澍霈霁靓韫馥骅鹍麒',
];

/** Parts of transliterated Uyghur, Kazakh and Kyrgyz names, joined with a middle dot. */
const TRANSLITERATED_PARTS = [
  ...['买买提', '艾力', '阿不都', '吐尔逊', '热依拉', '古丽', '阿依', '努尔', '阿迪力', '艾尔肯'],
  ...['迪丽拜尔', '帕提曼', '依明', '卡德尔', '再努尔', '加娜尔'],
];

/** Groups whose members' cards often carry transliterated names. */
const TRANSLITERATED_GROUPS = new Set(['维吾尔', '哈萨克', '柯尔克孜', '塔吉克', '乌孜别克']);

/** The middle dot of transliterated names (U+00B7), as the card prints it. */
export const NAME_DOT = '·';

/** Whether the card's typeface can draw a character; a tofu box is no test of a reader. */
export type CanDraw = (character: string) => boolean;

type Pools = {
  surnames: string[];
  compoundSurnames: string[];
  given: string[];
  upperSurnames: string[];
  upperCompoundSurnames: string[];
  upperChosenGiven: string[];
  upperAny: string[];
};

let pools: Pools | undefined;

const isUpper = (level: StandardLevel | undefined) => level === 2 || level === 3;

/** Highest level of a run of characters; throws on one outside the table (a typing error). */
function levelOf(text: string): StandardLevel {
  let highest: StandardLevel = 1;
  for (const character of text) {
    const level = standardLevel(character);
    if (level === undefined) throw new Error(`${character} of ${text} is not in the table`);
    if (level > highest) highest = level;
  }
  return highest;
}

function namePools(): Pools {
  pools ??= {
    surnames: [...COMMON_SURNAMES, ...RARE_SURNAMES].filter((name) => levelOf(name) === 1),
    compoundSurnames: COMPOUND_SURNAMES.filter((name) => levelOf(name) === 1),
    given: [...COMMON_GIVEN, ...CHOSEN_GIVEN].filter((character) => levelOf(character) === 1),
    upperSurnames: [...COMMON_SURNAMES, ...RARE_SURNAMES].filter((name) => levelOf(name) > 1),
    upperCompoundSurnames: COMPOUND_SURNAMES.filter((name) => levelOf(name) > 1),
    upperChosenGiven: [...COMMON_GIVEN, ...CHOSEN_GIVEN].filter((name) => levelOf(name) > 1),
    upperAny: [...charactersOfLevel(2), ...charactersOfLevel(3)],
  };
  return pools;
}

/** Draws from `items` until the typeface can draw the pick; the pools are large enough. */
function pickDrawable(random: SeededRandom, items: readonly string[], canDraw: CanDraw): string {
  for (let attempt = 0; attempt < 200; attempt++) {
    const item = random.pick(items);
    if ([...item].every(canDraw)) return item;
  }
  throw new Error(`the typeface draws none of ${items.slice(0, 10).join('')}...`);
}

function transliteratedName(random: SeededRandom): string {
  const own = random.pick(TRANSLITERATED_PARTS);
  let father = random.pick(TRANSLITERATED_PARTS);
  while (father === own) father = random.pick(TRANSLITERATED_PARTS);
  return `${own}${NAME_DOT}${father}`;
}

export function randomName(
  random: SeededRandom,
  ethnicity: string,
  canDraw: CanDraw = () => true,
): string {
  if (TRANSLITERATED_GROUPS.has(ethnicity) && random.chance(0.7)) return transliteratedName(random);
  const pool = namePools();
  const pick = (items: readonly string[]) => pickDrawable(random, items, canDraw);
  const upper = random.chance(UPPER_LEVEL_NAME_SHARE);
  // Where the one level-2/3 character of an upper-level name goes.
  const upperAt = upper
    ? random.weighted([
        ['surname', 35],
        ['chosen-given', 35],
        ['any-given', 30],
      ] as const)
    : undefined;
  const surname =
    upperAt === 'surname'
      ? random.chance(0.25)
        ? pick(pool.upperCompoundSurnames)
        : pick(pool.upperSurnames)
      : random.chance(0.1)
        ? pick(pool.compoundSurnames)
        : pick(pool.surnames);
  const givenLength = random.weighted([
    [1, 30],
    [2, 64],
    [3, 6],
  ]);
  const upperIndex = random.int(0, givenLength - 1);
  let given = '';
  for (let index = 0; index < givenLength; index++) {
    if (index === upperIndex && upperAt === 'chosen-given') given += pick(pool.upperChosenGiven);
    else if (index === upperIndex && upperAt === 'any-given') given += pick(pool.upperAny);
    else given += pick(pool.given);
  }
  return surname + given;
}

/** Whether `name` holds a character of level 2 or 3. */
export function holdsUpperLevel(name: string): boolean {
  return [...name].some((character) => isUpper(standardLevel(character)));
}
