import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from './config.ts';
import { readTlsFiles } from './tls-files.ts';

let folder: string;
const path = (name: string) => join(folder, name);

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'tls-'));
  for (const name of ['a', 'b']) {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=counter.local',
        '-keyout',
        path(`${name}-key.pem`),
        '-out',
        path(`${name}-cert.pem`),
      ],
      { stdio: 'ignore' },
    );
  }
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('readTlsFiles', () => {
  it('reads a certificate and its key', () => {
    const credentials = readTlsFiles({ certPath: path('a-cert.pem'), keyPath: path('a-key.pem') });
    expect(credentials.cert.toString()).toContain('BEGIN CERTIFICATE');
  });

  it('names both variables when the key belongs to another certificate', () => {
    expect(() =>
      readTlsFiles({ certPath: path('a-cert.pem'), keyPath: path('b-key.pem') }),
    ).toThrow(/TLS_CERT, TLS_KEY: not a PEM certificate and its private key/);
  });

  it('names every file it cannot read', () => {
    let message = '';
    try {
      readTlsFiles({ certPath: path('missing-cert.pem'), keyPath: path('missing-key.pem') });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/TLS_CERT: cannot read .*missing-cert\.pem \(ENOENT\)/);
    expect(message).toMatch(/TLS_KEY: cannot read .*missing-key\.pem \(ENOENT\)/);
  });
});
