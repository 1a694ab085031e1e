/**
 * The 民族 field as cards print it: the name without 族.
 */

/** The 56 recognised ethnic groups in the order and wording of GB/T 3304-1991 (codes 01-56). */
export const ETHNIC_GROUPS = [
  '汉',
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '高山',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
] as const;

/**
 * Groups whose names cards print transliterated, their parts joined by a middle dot (阿依古丽·
 * 买买提): Turkic, Tajik and Russian names, given name and father's name.
 */
export const DOTTED_NAME_GROUPS: ReadonlySet<string> = new Set([
  '维吾尔',
  '哈萨克',
  '柯尔克孜',
  '乌孜别克',
  '塔塔尔',
  '塔吉克',
  '俄罗斯',
]);

/**
 * Other values genuine cards print: GB/T 3304-1991 code 97 其他 (groups not yet identified) and
 * code 98 外国血统中国籍人士 in its short form 外国血统 (naturalised citizens of foreign origin),
 * and 穿青人, which Guizhou prints for that not yet identified group instead of 其他.
 */
export const OTHER_PRINTED_ETHNICITIES = ['其他', '外国血统', '穿青人'] as const;

/** Every value a genuine card prints after 民族. */
export const PRINTED_ETHNICITIES: readonly string[] = [
  ...ETHNIC_GROUPS,
  ...OTHER_PRINTED_ETHNICITIES,
];

const PRINTED_VALUES: ReadonlySet<string> = new Set(PRINTED_ETHNICITIES);

/** The printed form of an ethnicity: spaces removed, a trailing 族 dropped (汉族 -> 汉). */
export function normalizeEthnicity(value: string): string {
  return value.replace(/\s+/g, '').replace(/族$/, '');
}

/** Whether a value (printed, or with 族) is something a genuine card prints after 民族. */
export function isEthnicGroup(name: string): boolean {
  return PRINTED_VALUES.has(normalizeEthnicity(name));
}
