import type { SeededRandom } from './seeded-random.ts';

/**
 * Made-up names in the proportions a counter sees: mostly common single-character surnames, some
 * rare ones and compound ones (欧阳, 司马...), given names of one to three characters that lean on
 * less common characters, and transliterated names with a middle dot for some minority groups.
 */

/** The most frequent surnames (公安部 2020 surname report order, roughly). */
const COMMON_SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文',
];

/** Rare single-character surnames, several outside the everyday character set. */
const RARE_SURNAMES = [
  ...'亓晁禚缑仉暴冼隗逄钮靳阚訾郗宓檀蒯厍昝佴乜笪綦巩邝郜眭禤甄蓟扈芮劳燕闵揭糜殳逯',
];

const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '夏侯',
  '司徒',
  '长孙',
  '宇文',
  '轩辕',
  '独孤',
  '南宫',
  '端木',
  '呼延',
  '百里',
];

/** Everyday given-name characters. */
const COMMON_GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂华玉兰萍建国红志成辉鹏斌宇浩凯健俊帆帅旭宁博文新欣怡雪梅琳晶慧颖婷佳倩丹亮飞波海峰林春晓燕莉婧瑶雯思雨嘉诗子梓涵轩晨阳宏德永胜利民福荣昌庆',
];

/** Less common characters parents pick to stand out; some are missing from OCR dictionaries. */
const RARE_GIVEN = [
  ...'翀琰玥昶煜珩彧婕骁晟璟昀赟喆堃淼犇鑫垚焱燚龑珺琦瑾璇曦晗祎祺禛骞旻昊钰铖锴镕湉溦滢澍濛霈霁靓韫頔馥骅鹍麒',
];

/** Parts of transliterated Uyghur, Kazakh and Kyrgyz names, joined with a middle dot. */
const TRANSLITERATED_PARTS = [
  '买买提',
  '艾力',
  '阿不都',
  '吐尔逊',
  '热依拉',
  '古丽',
  '阿依',
  '努尔',
  '阿迪力',
  '艾尔肯',
  '迪丽拜尔',
  '帕提曼',
  '依明',
  '卡德尔',
  '再努尔',
  '加娜尔',
];

/** Groups whose members' cards often carry transliterated names. */
const TRANSLITERATED_GROUPS = new Set(['维吾尔', '哈萨克', '柯尔克孜', '塔吉克', '乌孜别克']);

/** The middle dot of transliterated names (U+00B7), as the card prints it. */
export const NAME_DOT = '·';

function givenCharacter(random: SeededRandom): string {
  return random.chance(0.25) ? random.pick(RARE_GIVEN) : random.pick(COMMON_GIVEN);
}

export function randomName(random: SeededRandom, ethnicity: string): string {
  if (TRANSLITERATED_GROUPS.has(ethnicity) && random.chance(0.7)) {
    const own = random.pick(TRANSLITERATED_PARTS);
    let father = random.pick(TRANSLITERATED_PARTS);
    while (father === own) father = random.pick(TRANSLITERATED_PARTS);
    return `${own}${NAME_DOT}${father}`;
  }
  const surname = random.weighted([
    [() => random.pick(COMMON_SURNAMES), 80],
    [() => random.pick(RARE_SURNAMES), 10],
    [() => random.pick(COMPOUND_SURNAMES), 10],
  ])();
  const givenLength = random.weighted([
    [1, 30],
    [2, 64],
    [3, 6],
  ]);
  let given = '';
  for (let index = 0; index < givenLength; index++) given += givenCharacter(random);
  return surname + given;
}
