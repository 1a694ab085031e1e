import type { BackField, CardSide, FrontField, Quad } from '../../idcard/api-contract.ts';

/** One field as read: its value in the API's form, how far to trust it, and where it was read. */
export type FieldReading = {
  value: string;
  confidence: number;
  box: Quad | null;
  /**
   * Whether the reading itself falls short (empty, failing its format, or with a hole where a
   * character may be missing), for readers that can tell that from a reading that is complete
   * but unsure. Left out, a confidence at or below `CONFIDENCE.mayMissCharacter` says so.
   */
  incomplete?: boolean;
  /** Other whole values the recogniser's runner-up characters spell, most likely first. */
  alternatives?: string[];
  /**
   * How many characters a mark hides before the first one read, where the value starts further
   * from its label than print sets it (`roomBefore`); left out when none are.
   */
  hiddenBefore?: { min: number; max: number };
  /**
   * Where the value may go on past what was read, for the pipeline to read as a line of its own
   * (`rowAfterAddress`); left out where it cannot.
   */
  goesOnIn?: Quad;
};

export type FrontReading = { side: 'front'; fields: Record<FrontField, FieldReading> };
export type BackReading = { side: 'back'; fields: Record<BackField, FieldReading> };

/** Everything read off one face, with exactly the API's fields for its side. */
export type CardReading = FrontReading | BackReading;

export type { CardSide };
