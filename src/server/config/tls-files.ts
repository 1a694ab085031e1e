import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { ConfigError, type TlsFiles } from './config.ts';

export type TlsCredentials = { cert: Buffer; key: Buffer };

/**
 * Reads the operator's certificate and key (PEM) and checks that they belong together, so that
 * a wrong file stops the start with the variable named instead of failing every handshake.
 */
export function readTlsFiles(files: TlsFiles): TlsCredentials {
  const problems: string[] = [];
  const read = (name: string, path: string) => {
    try {
      return readFileSync(path);
    } catch (error) {
      problems.push(`${name}: cannot read ${path} (${(error as NodeJS.ErrnoException).code})`);
      return null;
    }
  };
  const cert = read('TLS_CERT', files.certPath);
  const key = read('TLS_KEY', files.keyPath);
  if (cert && key) {
    try {
      createSecureContext({ cert, key });
    } catch (error) {
      problems.push(
        `TLS_CERT, TLS_KEY: not a PEM certificate and its private key (${(error as Error).message})`,
      );
    }
  }
  if (problems.length > 0 || !cert || !key) {
    throw ConfigError.listing(problems);
  }
  return { cert, key };
}
