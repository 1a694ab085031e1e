import { describe, expect, it } from 'vitest';
import { formatPrintedDate } from '../../src/idcard/card-dates.ts';
import { isEthnicGroup } from '../../src/idcard/ethnic-groups.ts';
import {
  birthDateFromIdNumber,
  hasValidCheckCharacter,
  sexFromIdNumber,
} from '../../src/idcard/id-number.ts';
import { lookupRegion, regionPrefix } from '../../src/idcard/regions.ts';
import { SEXES } from '../../src/idcard/sex.ts';
import { fitsValidityRule, LONG_TERM, validityLengthOf } from '../../src/idcard/validity-period.ts';
import { wrapAddress } from './card-layout.ts';
import { holdsUpperLevel } from './names.ts';
import { backPrint, type Person, randomPerson } from './person.ts';
import { createRandom } from './seeded-random.ts';
import { FAMILY_NAMES, STYLE_FAMILIES } from './style-families.ts';

const TODAY = '2025-06-01';
const people: Person[] = Array.from({ length: 400 }, (_, index) =>
  randomPerson(createRandom(20250601, index, 'person'), TODAY),
);

describe('generated people', () => {
  it('carry a number with a valid check character', () => {
    for (const person of people)
      expect(hasValidCheckCharacter(person.number), person.number).toBe(true);
  });

  it('were born on the date inside their number', () => {
    for (const person of people) expect(birthDateFromIdNumber(person.number)).toBe(person.birth);
  });

  it('have the sex of the sequence digit', () => {
    for (const person of people) {
      expect(SEXES).toContain(person.sex);
      expect(sexFromIdNumber(person.number)).toBe(person.sex);
    }
  });

  it('hold a card whose period fits their age at issue', () => {
    for (const person of people) {
      expect(fitsValidityRule(person.birth, person.validFrom, person.validTo)).toBe(true);
      expect(person.validFrom >= '2004-03-29' && person.validFrom < TODAY).toBe(true);
      expect(person.validFrom > person.birth).toBe(true);
    }
  });

  it('cover every lawful period length, 长期 included, and a few expired cards', () => {
    const lengths = new Set(people.map((p) => validityLengthOf(p.validFrom, p.validTo)));
    expect([...lengths].sort()).toEqual([10, 20, 5, LONG_TERM].sort());
    const expired = people.filter((p) => p.validTo !== LONG_TERM && p.validTo < TODAY);
    expect(expired.length).toBeGreaterThan(0);
    expect(expired.length).toBeLessThan(people.length / 5);
  });

  it('live at an address that starts with the region of their number', () => {
    for (const person of people) {
      const region = lookupRegion(person.number.slice(0, 6));
      expect(region.known).toBe('county');
      expect(person.address.startsWith(regionPrefix(region)), person.address).toBe(true);
      expect(person.address.length).toBeGreaterThan(regionPrefix(region).length);
    }
  });

  it('print their address on at most three lines, two and three both common', () => {
    // One-line addresses (a municipality's district and a short street) are about 1 in 2,000.
    const lineCounts = people.map((p) => wrapAddress(p.address).length);
    expect(lineCounts.every((count) => count >= 1 && count <= 3)).toBe(true);
    for (const lines of [2, 3]) {
      expect(lineCounts.filter((count) => count === lines).length).toBeGreaterThan(100);
    }
  });

  it('were issued their card by the bureau of their region', () => {
    for (const person of people) {
      const region = lookupRegion(person.number.slice(0, 6));
      const county = region.county ?? '';
      const isDistrict = /[^林特]区$/.test(county);
      if (isDistrict) {
        const parent = region.city ?? region.province;
        expect(person.issue.startsWith(`${parent}公安局`), person.issue).toBe(true);
        expect(person.issue.endsWith('分局')).toBe(true);
        const branch = person.issue.slice(`${parent}公安局`.length, -'分局'.length);
        expect(county === branch || county === `${branch}区`, `${county} ${person.issue}`).toBe(
          true,
        );
      } else {
        expect(person.issue).toBe(`${county}公安局`);
      }
    }
  });

  it('belong to a printed ethnic group, with minorities among them', () => {
    for (const person of people)
      expect(isEthnicGroup(person.ethnicity), person.ethnicity).toBe(true);
    expect(people.filter((p) => p.ethnicity !== '汉').length).toBeGreaterThan(20);
  });

  it('have names of varied shape: compound surnames, long names, middle dots', () => {
    const names = people.map((p) => p.name);
    expect(names.every((name) => [...name].length >= 2)).toBe(true);
    expect(
      names.some((name) =>
        /^(欧阳|司马|诸葛|上官|东方|皇甫|尉迟|公孙|慕容|令狐|夏侯|司徒|长孙|宇文|轩辕|独孤|南宫|端木|呼延|百里)/.test(
          name,
        ),
      ),
    ).toBe(true);
    expect(names.some((name) => [...name].length >= 4)).toBe(true);
    expect(names.some((name) => [...name].length === 2)).toBe(true);
  });

  it('hold a level-2 or level-3 character of the 通用规范汉字表 in a fifth to a quarter of names', () => {
    const share = people.filter((p) => holdsUpperLevel(p.name)).length / people.length;
    expect(share).toBeGreaterThan(0.17);
    expect(share).toBeLessThan(0.27);
  });

  it('print a validity period that spells the expected dates, with every family dash', () => {
    const joiners = FAMILY_NAMES.flatMap((name) =>
      STYLE_FAMILIES[name].dateJoiners.map(([joiner]) => joiner),
    );
    for (const person of people.slice(0, 50)) {
      for (const joiner of joiners) {
        const printed = backPrint(person, joiner).validity;
        const to = person.validTo === LONG_TERM ? LONG_TERM : formatPrintedDate(person.validTo);
        expect(printed).toBe(`${formatPrintedDate(person.validFrom)}${joiner}${to}`);
      }
    }
  });

  it('are the same for the same seed', () => {
    const again = randomPerson(createRandom(20250601, 7, 'person'), TODAY);
    expect(again).toEqual(people[7]);
  });
});
