import type { BackField, CardField, FrontField } from './api-contract.ts';
import { parseCardDate } from './card-dates.ts';
import { normalizeEthnicity } from './ethnic-groups.ts';
import { normalizeIdNumber } from './id-number.ts';
import { parseValidTo } from './validity-period.ts';

/** The fields of the portrait side (人像面), as the API names them. */
export type FrontFields = Record<FrontField, string>;

/** The fields of the emblem side (国徽面), as the API names them. */
export type BackFields = Record<BackField, string>;

/**
 * Middle-dot look-alikes that OCR and input methods produce in transliterated names
 * (买买提·艾力); the card prints U+00B7.
 */
const NAME_DOTS = /[•・．.‧∙⋅ㆍ]/g;

const WHITESPACE = /\s+/g;

/**
 * A field's value in the API's canonical form, so that values from the card, the engine, Huawei
 * Cloud and the clerk compare equal when they say the same thing: no spaces or line breaks
 * anywhere (the address is printed over several lines), dates as YYYY-MM-DD, the number with
 * an uppercase X, the ethnicity without 族, one kind of middle dot in names. A value that does
 * not read as its field's format keeps its text without spaces, never guessed into another.
 */
export function normalizeField(field: CardField, value: string): string {
  const compact = value.replace(WHITESPACE, '');
  switch (field) {
    case 'name':
      return compact.replace(NAME_DOTS, '·');
    case 'ethnicity':
      return normalizeEthnicity(compact);
    case 'number':
      return normalizeIdNumber(compact);
    case 'birth':
    case 'valid_from':
      return parseCardDate(value) ?? compact;
    case 'valid_to':
      return parseValidTo(value) ?? compact;
    case 'sex':
    case 'address':
    case 'issue':
      return compact;
  }
}

export function normalizeFrontFields(fields: FrontFields): FrontFields {
  return {
    name: normalizeField('name', fields.name),
    sex: normalizeField('sex', fields.sex),
    ethnicity: normalizeField('ethnicity', fields.ethnicity),
    birth: normalizeField('birth', fields.birth),
    address: normalizeField('address', fields.address),
    number: normalizeField('number', fields.number),
  };
}

export function normalizeBackFields(fields: BackFields): BackFields {
  return {
    issue: normalizeField('issue', fields.issue),
    valid_from: normalizeField('valid_from', fields.valid_from),
    valid_to: normalizeField('valid_to', fields.valid_to),
  };
}
