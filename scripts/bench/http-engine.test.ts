import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpEngine } from './http-engine.ts';

const BACK = { issue: '永顺县公安局', valid_from: '2008-06-12', valid_to: '2028-06-12' };

describe('createHttpEngine', () => {
  let server: Server;
  let origin: string;
  const requests: { url: string; token: string | undefined; body: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
      });
      request.on('end', () => {
        const body = JSON.parse(text) as Record<string, unknown>;
        requests.push({
          url: request.url ?? '',
          token: request.headers['x-auth-token'] as string | undefined,
          body,
        });
        response.setHeader('Content-Type', 'application/json');
        if (body.side === 'front') {
          response.statusCode = 400;
          response.end(JSON.stringify({ error_code: 'AIS.0104', error_msg: 'no card' }));
        } else {
          response.end(JSON.stringify({ result: BACK }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('posts the image as base64 with the side and verification to the OCR route', async () => {
    const engine = createHttpEngine(origin, 'secret');
    const answer = await engine.recognize(new Uint8Array([1, 2, 3]), 'back');
    expect(answer).toEqual({ ok: true, result: BACK });
    expect(requests.at(-1)).toEqual({
      url: '/v2/bench/ocr/id-card',
      token: 'secret',
      body: { image: 'AQID', side: 'back', return_verification: true },
    });
  });

  it('sends no side when it is not known, and returns error bodies as errors', async () => {
    const engine = createHttpEngine(origin);
    await engine.recognize(new Uint8Array([1]), undefined);
    expect(requests.at(-1)?.body).not.toHaveProperty('side');
    expect(await engine.recognize(new Uint8Array([1]), 'front')).toEqual({
      ok: false,
      error: { error_code: 'AIS.0104', error_msg: 'no card' },
    });
  });
});
