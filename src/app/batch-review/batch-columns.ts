import type { CardField } from '../../idcard/api-contract.ts';
import { ALL_FIELDS } from '../people/card-fields.ts';

/** Room for what each column holds: the address and the 18-digit number are the long ones. */
const FIELD_COLUMN_WIDTHS: Record<CardField, string> = {
  name: '6rem',
  sex: '3rem',
  ethnicity: '4rem',
  birth: '7rem',
  address: 'minmax(12rem, 1fr)',
  number: '12rem',
  issue: '10rem',
  valid_from: '7rem',
  valid_to: '7rem',
};

/** The batch table's columns (row number, 已核对, the fields, 存疑), shared by the header and every row. */
export const BATCH_COLUMNS = [
  '2.5rem',
  '3.5rem',
  ...ALL_FIELDS.map((field) => FIELD_COLUMN_WIDTHS[field]),
  '3rem',
].join(' ');
