/**
 * The surnames a name is vouched for with. Rare surnames are where the recogniser goes wrong
 * with confidence: it turns them into a common look-alike at 0.96-0.98 (元 for 亓), or drops a
 * surname missing from its dictionary and leaves a given name that reads as a whole name (斌颖
 * for 殳斌颖). A name that does not start with a common surname is therefore shown to the clerk.
 *
 * The single surnames are about the 200 most frequent in the Ministry of Public Security's
 * 2020 surname report (the top 100 alone cover about 85 % of people, so about one name in ten
 * gets a second look); the compound ones are the classical 复姓 still in use.
 */
const COMMON_SINGLE_SURNAMES = new Set(
  Array.from(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶' +
      '程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫阎段雷龙黎史' +
      '陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文施洪牛葛欧倪庞樊殷凌颜聂柴翟祝温邢关' +
      '詹包左鲁季焦俞章盛柳戚安齐耿岳甘纪申苗成蓝兰卜符阮涂谷单穆司舒裴晏梅吉喻宁游辛尚景' +
      '华房车滕胥边卓屈封强艾童娄窦郁蒲路伍项霍虞池冉米费庄农鞠曲管解巫储连桂姬佟邬栾宗' +
      '乐卫荣靳萧',
  ),
);

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
  '端木',
  '南宫',
  '呼延',
  '独孤',
  '百里',
] as const;

/** The middle dot of transliterated names (阿依古丽·买买提), which carry no surname. */
const TRANSLITERATED = /[·•]/;

/** Whether a name begins with one of the compound surnames (夏侯, 欧阳). */
export function startsWithCompoundSurname(name: string): boolean {
  return COMPOUND_SURNAMES.some((surname) => name.startsWith(surname));
}

/** Whether a character is one of the common single surnames. */
export function isCommonSingleSurname(char: string): boolean {
  return COMMON_SINGLE_SURNAMES.has(char);
}

/**
 * Whether a name reads as one with a common surname, or is a transliterated name that has
 * none; a name too short to hold a surname and a given name is not.
 */
export function hasCommonSurname(name: string): boolean {
  if (TRANSLITERATED.test(name)) return true;
  const chars = Array.from(name);
  if (chars.length < 2) return false;
  if (startsWithCompoundSurname(name)) return chars.length > 2;
  return isCommonSingleSurname(chars[0] as string);
}
