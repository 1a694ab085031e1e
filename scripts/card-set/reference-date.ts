/**
 * The day card sets are made for unless one is named: fixed so that a seed alone reproduces a
 * set, since validity periods and ages are drawn relative to it.
 */
export const DEFAULT_REFERENCE_DATE = '2025-06-01';
