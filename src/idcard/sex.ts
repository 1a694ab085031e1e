/** The two values the card prints after 性别 (and the API returns as `sex`). */
export const SEXES = ['男', '女'] as const;
export type Sex = (typeof SEXES)[number];

export function isSex(value: string): value is Sex {
  return (SEXES as readonly string[]).includes(value);
}
