import { BACK_LAYOUT, CARD_MM, FRONT_LAYOUT, TYPE_MM, textUnits } from './card-layout.ts';
import type { LayoutVariation } from './layout-variation.ts';

/**
 * Where one card prints each thing: the specification's layout moved and scaled by the card's
 * layout variation, then kept printable (no label running into its value, nothing off the face).
 * Millimetres from the card's top-left corner; `top` is the top of the text's em box.
 */

export type PlacedText = { text: string; x: number; top: number; size: number; spacingEm: number };

/** Smallest gap between a label's last character and its value. */
const LABEL_GAP = 0.8;

/** Printable area: the card's corners are rounded 3.18 mm, print keeps about 1.5 mm clear. */
const EDGE = 1.5;

/** Right end of `text` set at `size` with `spacingEm` after every character but the last. */
export function spacedEnd(text: string, x: number, size: number, spacingEm: number): number {
  const characters = [...text].length;
  return x + size * (textUnits(text) + Math.max(0, characters - 1) * spacingEm);
}

function labelAt(
  entry: { text: string },
  x: number,
  top: number,
  size: number,
  spacingEm: number,
): PlacedText {
  return { text: entry.text, x, top, size, spacingEm };
}

export function placeFront(variation: LayoutVariation) {
  const base = FRONT_LAYOUT;
  const labelSize = TYPE_MM.label * variation.labelScale;
  const valueSize = TYPE_MM.value * variation.valueScale;
  const nameSize = TYPE_MM.name * variation.valueScale;
  const numberSize = TYPE_MM.number * variation.valueScale;
  const spacing = variation.labelSpacingEm;
  const firstRow = base.labels.name.y;
  // Rows spread from the name row; the whole block moves up if the number would leave the card.
  const spread = (y: number) => firstRow + (y - firstRow) * variation.rowPitch;
  const overflow = Math.max(
    0,
    spread(base.number.y) + variation.textShiftY + numberSize - (CARD_MM.height - EDGE),
  );
  const row = (y: number) => spread(y) + variation.textShiftY - overflow;
  const labelX = (x: number) => x + variation.textShiftX + variation.labelColumnShift;
  const twoCharacterLabels = (['name', 'sex', 'birth', 'address'] as const).map((key) =>
    labelAt(
      base.labels[key],
      labelX(base.labels[key].x),
      row(base.labels[key].y),
      labelSize,
      spacing,
    ),
  );
  const labelEnd = Math.max(
    ...twoCharacterLabels.map((label) => spacedEnd(label.text, label.x, label.size, spacing)),
  );
  const valueShift =
    variation.textShiftX +
    variation.valueColumnShift +
    Math.max(
      0,
      labelEnd + LABEL_GAP - (base.name.x + variation.textShiftX + variation.valueColumnShift),
    );
  const valueX = (x: number) => x + valueShift;

  const ethnicityLabel = labelAt(
    base.labels.ethnicity,
    valueX(base.labels.ethnicity.x),
    row(base.labels.ethnicity.y),
    labelSize,
    spacing,
  );
  const ethnicityX = Math.max(
    valueX(base.ethnicity.x),
    spacedEnd(ethnicityLabel.text, ethnicityLabel.x, labelSize, spacing) + LABEL_GAP,
  );

  const addressX = valueX(base.address.x);
  const addressRight = addressX + base.address.lineUnits * valueSize;
  const portraitX = Math.min(
    Math.max(base.portrait.x + variation.photoShiftX, addressRight + LABEL_GAP),
    CARD_MM.width - EDGE - base.portrait.width,
  );
  const portraitY = Math.min(
    Math.max(EDGE, base.portrait.y + variation.photoShiftY),
    CARD_MM.height - EDGE - base.portrait.height - numberSize - 2,
  );

  // 公民身份号码 is printed without letter spacing on every card we know.
  const numberLabel = labelAt(
    base.labels.number,
    labelX(base.labels.number.x),
    row(base.labels.number.y),
    labelSize,
    0,
  );
  const numberX = Math.max(
    valueX(base.number.x),
    spacedEnd(numberLabel.text, numberLabel.x, labelSize, 0) + LABEL_GAP + 0.4,
  );
  const numberWidth = Math.min(variation.numberWidth, CARD_MM.width - EDGE - numberX);
  const birth = base.birth;
  return {
    labels: [...twoCharacterLabels, ethnicityLabel, numberLabel],
    name: { x: valueX(base.name.x), top: row(base.name.y), size: nameSize },
    nameMaxWidth: portraitX - valueX(base.name.x) - 1,
    sex: { x: valueX(base.sex.x), top: row(base.sex.y), size: valueSize },
    ethnicity: { x: ethnicityX, top: row(base.ethnicity.y), size: valueSize },
    birth: {
      top: row(birth.y),
      size: valueSize,
      // Fixed columns scale with the type so bigger digits do not run into 年月日.
      column: (x: number) => valueX(base.birth.year) + (x - base.birth.year) * variation.valueScale,
      slotWidth: birth.slotWidth * variation.valueScale,
      x: valueX(birth.year),
    },
    address: {
      x: addressX,
      top: row(base.address.y),
      lineGap: base.address.lineGap * variation.rowPitch * variation.valueScale,
      size: valueSize,
    },
    number: { x: numberX, top: row(base.number.y), size: numberSize, width: numberWidth },
    portrait: {
      x: portraitX,
      y: portraitY,
      width: base.portrait.width,
      height: base.portrait.height,
    },
  };
}

export type TitlePlacement = {
  text: string;
  x: number;
  top: number;
  size: number;
  /** Printed width from the first glyph's left to the last glyph's right. */
  width: number;
  style: LayoutVariation['titleStyle'];
  spacingEm: number;
};

export function placeBack(variation: LayoutVariation) {
  const base = BACK_LAYOUT;
  const emblem = {
    ...base.emblem,
    x: base.emblem.x + variation.emblemShiftX,
    y: base.emblem.y + variation.emblemShiftY,
  };
  const title = (entry: { x: number; y: number; width: number; text: string }, size: number) => {
    const scaled = size * variation.titleScale;
    const width =
      variation.titleStyle === 'letter-spaced'
        ? spacedEnd(entry.text, 0, scaled, variation.titleSpacingEm)
        : entry.width * variation.titleWidth;
    const centre = entry.x + entry.width / 2 + variation.titleShiftX;
    // Titles stay right of the emblem and on the card.
    const left = Math.min(
      Math.max(centre - width / 2, emblem.x + emblem.width + LABEL_GAP),
      CARD_MM.width - EDGE - width,
    );
    return {
      text: entry.text,
      x: left,
      top: entry.y + variation.titleShiftY,
      size: scaled,
      width,
      style: variation.titleStyle,
      spacingEm: variation.titleSpacingEm,
    } satisfies TitlePlacement;
  };
  const labelSize = TYPE_MM.label * variation.labelScale;
  const valueSize = TYPE_MM.backValue * variation.valueScale;
  const spacing = variation.labelSpacingEm;
  const labelX = base.labels.issue.x + variation.backLabelShift;
  const labels = [base.labels.issue, base.labels.validity].map((entry) =>
    labelAt(entry, labelX, entry.y + variation.backRowsShiftY, labelSize, spacing),
  );
  const labelEnd = Math.max(
    ...labels.map((label) => spacedEnd(label.text, label.x, labelSize, spacing)),
  );
  const valueX = Math.max(base.issue.x + variation.backValueShift, labelEnd + LABEL_GAP);
  const maxWidth = CARD_MM.width - EDGE - 1 - valueX;
  return {
    emblem,
    titleSmall: title(base.titleSmall, TYPE_MM.titleSmall),
    titleLarge: title(base.titleLarge, TYPE_MM.titleLarge),
    labels,
    issue: { x: valueX, top: base.issue.y + variation.backRowsShiftY, size: valueSize, maxWidth },
    validity: {
      x: valueX,
      top: base.validity.y + variation.backRowsShiftY,
      size: valueSize,
      maxWidth,
    },
  };
}
