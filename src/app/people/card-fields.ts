import {
  BACK_FIELDS,
  type CardField,
  type CardSide,
  FRONT_FIELDS,
} from '../../idcard/api-contract.ts';

/** Each field's label as printed on the card; the inputs are named by these. */
export const FIELD_LABELS: Record<CardField, string> = {
  name: '姓名',
  sex: '性别',
  ethnicity: '民族',
  birth: '出生',
  address: '住址',
  number: '公民身份号码',
  issue: '签发机关',
  valid_from: '有效期限起',
  valid_to: '有效期限止',
};

/** The faces by their proper names; never 正面/反面. */
export const SIDE_LABELS: Record<CardSide, string> = {
  front: '人像面',
  back: '国徽面',
};

export const FIELDS_OF_SIDE: Record<CardSide, readonly CardField[]> = {
  front: FRONT_FIELDS,
  back: BACK_FIELDS,
};

export function sideOfField(field: CardField): CardSide {
  return (FRONT_FIELDS as readonly CardField[]).includes(field) ? 'front' : 'back';
}

/** Column order of a copied row and of the exports: the card read top to bottom, then its back. */
export const ALL_FIELDS: readonly CardField[] = [...FRONT_FIELDS, ...BACK_FIELDS];
