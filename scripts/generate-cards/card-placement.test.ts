import { describe, expect, it } from 'vitest';
import { CARD_MM, FRONT_LAYOUT } from './card-layout.ts';
import { placeBack, placeFront, spacedEnd } from './card-placement.ts';
import { randomLayoutVariation } from './layout-variation.ts';
import { createRandom } from './seeded-random.ts';
import { FAMILY_NAMES, STYLE_FAMILIES } from './style-families.ts';

const variations = FAMILY_NAMES.flatMap((name) =>
  Array.from({ length: 150 }, (_, index) => ({
    name,
    variation: randomLayoutVariation(createRandom(11, index, 'layout'), STYLE_FAMILIES[name]),
  })),
);

const onCard = (x: number, y: number) =>
  x >= 1 && x <= CARD_MM.width - 1 && y >= 1 && y <= CARD_MM.height - 1;

describe('placing the portrait side', () => {
  it('keeps every label clear of its value, and everything on the card', () => {
    for (const { name, variation } of variations) {
      const place = placeFront(variation);
      const [nameLabel, sexLabel, , , ethnicityLabel, numberLabel] = place.labels;
      const end = (label: typeof nameLabel) =>
        label === undefined ? 0 : spacedEnd(label.text, label.x, label.size, label.spacingEm);
      expect(place.name.x, name).toBeGreaterThan(end(nameLabel));
      expect(place.sex.x, name).toBeGreaterThan(end(sexLabel));
      expect(place.ethnicity.x, name).toBeGreaterThan(end(ethnicityLabel));
      expect(place.number.x, name).toBeGreaterThan(end(numberLabel));
      for (const label of place.labels) expect(onCard(label.x, label.top), name).toBe(true);
      expect(place.number.x + place.number.width, name).toBeLessThanOrEqual(CARD_MM.width - 1);
      expect(place.number.top + place.number.size, name).toBeLessThanOrEqual(CARD_MM.height - 1);
      const portrait = place.portrait;
      expect(portrait.x + portrait.width, name).toBeLessThanOrEqual(CARD_MM.width - 1);
      // A full address line (11 characters) ends before the photo starts.
      const addressRight = place.address.x + FRONT_LAYOUT.address.lineUnits * place.address.size;
      expect(addressRight, name).toBeLessThan(portrait.x);
    }
  });

  it('spreads label columns over several percent of the face in the print-shop family', () => {
    const xs = variations
      .filter(({ name }) => name === 'print-shop')
      .map(({ variation }) => placeFront(variation).labels[0]?.x ?? 0);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(0.04 * CARD_MM.width);
  });
});

describe('placing the emblem side', () => {
  it('keeps titles right of the emblem and on the card, labels clear of values', () => {
    for (const { name, variation } of variations) {
      const place = placeBack(variation);
      for (const title of [place.titleSmall, place.titleLarge]) {
        expect(title.x, name).toBeGreaterThan(place.emblem.x + place.emblem.width);
        expect(title.x + title.width, name).toBeLessThanOrEqual(CARD_MM.width - 1);
      }
      for (const label of place.labels) {
        expect(place.issue.x, name).toBeGreaterThan(
          spacedEnd(label.text, label.x, label.size, label.spacingEm),
        );
      }
      expect(place.validity.top + place.validity.size, name).toBeLessThan(CARD_MM.height - 1);
    }
  });
});
