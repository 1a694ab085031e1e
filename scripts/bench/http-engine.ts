import {
  errorBodySchema,
  idCardResponseSchema,
  ocrRoutePath,
} from '../../src/idcard/api-contract.ts';
import type { BenchEngine } from './bench-engine.ts';

/** Any project id will do for the local engine; Huawei Cloud needs the real one in the URL. */
const BENCH_PROJECT_ID = 'bench';

/**
 * Measures a running service through the HTTP API, as a client would call it: the image as
 * base64 JSON, the side when known, verification asked for. `baseUrl` is the server's origin
 * (`http://127.0.0.1:8080`); `token` is sent as X-Auth-Token when given.
 */
export function createHttpEngine(baseUrl: string, token?: string): BenchEngine {
  const url = new URL(ocrRoutePath(BENCH_PROJECT_ID), baseUrl).href;
  return {
    name: `http ${new URL(baseUrl).origin}`,
    async recognize(bytes, side) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(token === undefined ? {} : { 'X-Auth-Token': token }),
        },
        body: JSON.stringify({
          image: Buffer.from(bytes).toString('base64'),
          ...(side === undefined ? {} : { side }),
          return_verification: true,
        }),
      });
      const body: unknown = await response.json();
      if (response.ok) return { ok: true, result: idCardResponseSchema.parse(body).result };
      return { ok: false, error: errorBodySchema.parse(body) };
    },
    close: async () => {},
  };
}
