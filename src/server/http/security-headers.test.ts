import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './create-app.ts';

let builtApp: string;

beforeAll(() => {
  builtApp = mkdtempSync(join(tmpdir(), 'built-app-'));
  writeFileSync(join(builtApp, 'index.html'), '<!doctype html><title>证件速录</title>');
});

afterAll(() => {
  rmSync(builtApp, { recursive: true, force: true });
});

function directives(policy: string | null): Map<string, string> {
  return new Map(
    (policy ?? '')
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = '', ...values] = part.split(/\s+/);
        return [name, values.join(' ')];
      }),
  );
}

describe('headers of the served app', () => {
  it('serves the app with a strict Content Security Policy', async () => {
    const response = await createApp({ staticRoot: builtApp }).request('/');
    expect(response.status).toBe(200);
    const csp = directives(response.headers.get('Content-Security-Policy'));
    expect(Object.fromEntries(csp)).toEqual({
      'default-src': "'self'",
      'script-src': "'self' 'wasm-unsafe-eval'",
      'style-src': "'self'",
      'img-src': "'self' data: blob:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'media-src': "'self' blob:",
      'worker-src': "'self' blob:",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'self'",
      'frame-ancestors': "'none'",
    });
    for (const [, sources] of csp) {
      expect(sources).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
    }
  });

  it('sets the other security headers and no HSTS', async () => {
    const response = await createApp({ staticRoot: builtApp }).request('/');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
    expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(response.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(response.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin');
    expect(response.headers.get('Permissions-Policy')).toBe(
      'camera=(self), microphone=(), geolocation=(), payment=(), usb=()',
    );
    expect(response.headers.get('Strict-Transport-Security')).toBeNull();
  });

  it('opens no CORS, not even to a preflight', async () => {
    const app = createApp({ staticRoot: builtApp });
    const preflight = await app.request('/v2/p/ocr/id-card', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://elsewhere.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, x-auth-token',
      },
    });
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const simple = await app.request('/health', {
      headers: { Origin: 'https://elsewhere.example' },
    });
    expect(simple.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('forbids caching of the OCR route', async () => {
    const response = await createApp({ staticRoot: null }).request('/v2/p/ocr/id-card', {
      method: 'POST',
      body: '{}',
    });
    expect(response.headers.get('Cache-Control')).toBe('no-store');
  });
});
