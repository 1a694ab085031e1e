import type { SeededRandom } from './seeded-random.ts';
import type { BirthStyle, Range, StyleFamily, TitleStyle } from './style-families.ts';

/**
 * How one card departs from the specification's layout (`card-layout.ts`): offsets in
 * millimetres, scales relative to the specification, and the typographic choices of its style
 * family. Recorded in the ground truth so a benchmark can slice by them.
 */
export type LayoutVariation = {
  textShiftX: number;
  textShiftY: number;
  labelColumnShift: number;
  valueColumnShift: number;
  rowPitch: number;
  photoShiftX: number;
  photoShiftY: number;
  emblemShiftX: number;
  emblemShiftY: number;
  titleShiftX: number;
  titleShiftY: number;
  titleWidth: number;
  backLabelShift: number;
  backValueShift: number;
  backRowsShiftY: number;
  numberWidth: number;
  valueScale: number;
  labelScale: number;
  titleScale: number;
  /** Extra space after each label character, in em (姓 名 with a gap). */
  labelSpacingEm: number;
  valueWeight: 400 | 700;
  labelWeight: 400 | 700;
  titleStyle: TitleStyle;
  /** Letter spacing of `letter-spaced` titles, in em. */
  titleSpacingEm: number;
  birthStyle: BirthStyle;
  dateJoiner: string;
};

function within(random: SeededRandom, [from, to]: Range): number {
  return from === to ? from : random.float(from, to);
}

export function randomLayoutVariation(random: SeededRandom, family: StyleFamily): LayoutVariation {
  const { layout, type } = family;
  const titleStyle = random.weighted(family.titles);
  return {
    textShiftX: within(random, layout.textShiftX),
    textShiftY: within(random, layout.textShiftY),
    labelColumnShift: within(random, layout.labelColumnShift),
    valueColumnShift: within(random, layout.valueColumnShift),
    rowPitch: within(random, layout.rowPitch),
    photoShiftX: within(random, layout.photoShiftX),
    photoShiftY: within(random, layout.photoShiftY),
    emblemShiftX: within(random, layout.emblemShiftX),
    emblemShiftY: within(random, layout.emblemShiftY),
    titleShiftX: within(random, layout.titleShiftX),
    titleShiftY: within(random, layout.titleShiftY),
    titleWidth: within(random, layout.titleWidth),
    backLabelShift: within(random, layout.backLabelShift),
    backValueShift: within(random, layout.backValueShift),
    backRowsShiftY: within(random, layout.backRowsShiftY),
    numberWidth: within(random, layout.numberWidth),
    valueScale: within(random, type.valueScale),
    labelScale: within(random, type.labelScale),
    titleScale: within(random, type.titleScale),
    labelSpacingEm: random.chance(type.labelSpacedShare) ? within(random, type.labelSpacingEm) : 0,
    valueWeight: random.chance(type.boldValueShare) ? 700 : 400,
    labelWeight: random.chance(type.boldLabelShare) ? 700 : 400,
    titleStyle,
    titleSpacingEm: titleStyle === 'letter-spaced' ? within(random, family.titleSpacingEm) : 0,
    birthStyle: random.weighted(family.birth),
    dateJoiner: random.weighted(family.dateJoiners),
  };
}

/** The variation as flat, rounded ground-truth parameters (millimetres and ratios). */
export function layoutParams(variation: LayoutVariation): Record<string, number | string> {
  const params: Record<string, number | string> = {};
  for (const [key, value] of Object.entries(variation)) {
    const snake = key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    params[snake] = typeof value === 'number' ? Number(value.toFixed(2)) : value;
  }
  return params;
}
