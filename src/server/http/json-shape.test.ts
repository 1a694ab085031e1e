import { describe, expect, it } from 'vitest';
import { BadParameterError } from './api-error.ts';
import { checkJsonShape, MAX_JSON_DEPTH, MAX_JSON_VALUES } from './json-shape.ts';

describe('checkJsonShape', () => {
  it('lets the API shape through, long strings and all', () => {
    expect(() =>
      checkJsonShape(
        JSON.stringify({ image: 'A'.repeat(100_000), side: 'front', detect_copy: true }),
      ),
    ).not.toThrow();
  });

  it('counts only structure outside strings, escaped quotes included', () => {
    const inside = `${'[{,'.repeat(2 * MAX_JSON_VALUES)}\\"${'['.repeat(MAX_JSON_DEPTH + 1)}`;
    expect(() => checkJsonShape(JSON.stringify({ note: inside }))).not.toThrow();
    // An escaped backslash before a quote ends the string: what follows is structure.
    const after = `{"a":"\\\\"${',1'.repeat(MAX_JSON_VALUES)}}`;
    expect(() => checkJsonShape(after)).toThrow(BadParameterError);
  });

  it('allows nesting up to the limit and refuses one level more', () => {
    const nest = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    expect(() => checkJsonShape(nest(MAX_JSON_DEPTH))).not.toThrow();
    expect(() => checkJsonShape(nest(MAX_JSON_DEPTH + 1))).toThrow(/nests deeper/);
  });

  it('refuses more values than the limit', () => {
    const values = (count: number) => `[${Array.from({ length: count }, () => 0).join(',')}]`;
    expect(() => checkJsonShape(values(MAX_JSON_VALUES))).not.toThrow();
    expect(() => checkJsonShape(values(MAX_JSON_VALUES + 1))).toThrow(/more than/);
  });

  it('leaves text that is not JSON to the parser', () => {
    expect(() => checkJsonShape('{"image": "never closed')).not.toThrow();
    expect(() => checkJsonShape('not json')).not.toThrow();
  });
});
