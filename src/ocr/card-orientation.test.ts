import { describe, expect, it } from 'vitest';
import { agreesUpsideDown } from './card-orientation.ts';

describe('agreesUpsideDown', () => {
  it('turns a card when several lines surely say so', () => {
    expect(agreesUpsideDown([true, true, true, null, false, true])).toBe(true);
    expect(agreesUpsideDown([true, true, null, null, null, null])).toBe(true);
  });

  it('does not turn a card on one sure answer among unsure ones', () => {
    expect(agreesUpsideDown([true, null, null, null, null, null])).toBe(false);
  });

  it('does not turn a card when as many lines say it is upright', () => {
    expect(agreesUpsideDown([true, true, false, false, null, null])).toBe(false);
  });

  it('lets the one line of a card with a single line decide', () => {
    expect(agreesUpsideDown([true])).toBe(true);
    expect(agreesUpsideDown([null])).toBe(false);
  });
});
