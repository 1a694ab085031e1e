import { describe, expect, it } from 'vitest';
import { ocrRouteProxy } from './ocr-route-proxy.ts';

describe('ocrRouteProxy', () => {
  const rules = Object.entries(ocrRouteProxy('http://127.0.0.1:9000'));

  it('has the OCR route and the health check, both aimed at the API server', () => {
    expect(rules.map(([key]) => key)).toContain('/health');
    expect(rules).toHaveLength(2);
    for (const [, rule] of rules) expect(rule.target).toBe('http://127.0.0.1:9000');
  });

  it.each([
    ['/v2/0123456789abcdef/ocr/id-card', true],
    ['/v2/p/ocr/id-card', true],
    ['/v2/p/ocr/id-card/extra', false],
    ['/v2/p/ocr/bank-card', false],
    ['/v2/a/b/ocr/id-card', false],
    ['/health', false],
    ['/src/app/app.tsx', false],
    ['/', false],
  ])('%s is proxied: %s', (url, proxied) => {
    // Vite reads a key that starts with ^ as a regular expression.
    const [key = ''] = rules.find(([candidate]) => candidate.startsWith('^')) ?? [];
    expect(key.startsWith('^')).toBe(true);
    expect(new RegExp(key).test(url)).toBe(proxied);
  });
});
