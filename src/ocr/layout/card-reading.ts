import type { BackField, CardSide, FrontField, Quad } from '../../idcard/api-contract.ts';

/** One field as read: its value in the API's form, how far to trust it, and where it was read. */
export type FieldReading = { value: string; confidence: number; box: Quad | null };

export type FrontReading = { side: 'front'; fields: Record<FrontField, FieldReading> };
export type BackReading = { side: 'back'; fields: Record<BackField, FieldReading> };

/** Everything read off one face, with exactly the API's fields for its side. */
export type CardReading = FrontReading | BackReading;

export type { CardSide };
