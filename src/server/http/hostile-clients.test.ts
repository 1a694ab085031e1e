import { Agent, request as httpRequest, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ocrRoutePath } from '../../idcard/api-contract.ts';
import type { LocalEngine } from '../local-engine/local-engine.ts';
import {
  localAppOver,
  SAMPLE_BACK_RESULT,
  SERVER_POLL_MS,
  smallJpeg,
} from '../test-support/local-app.ts';
import { httpServerOptions } from './http-server-options.ts';

// Clients a real server meets on a real socket: keep-alive after an early answer, clients that
// leave mid-body or mid-answer, and clients that send a byte at a time.

const ROUTE = ocrRoutePath('p');
const photo = await smallJpeg();
const goodBody = JSON.stringify({ image: photo.toString('base64') });

let server: Server | null = null;
afterEach(() => {
  vi.restoreAllMocks();
  server?.closeAllConnections();
  server?.close();
  server = null;
});

/** A real server on a free port; `hold` makes recognitions wait until `release` is called. */
async function startServer({ bodyTimeoutMs = 60_000, hold = false } = {}) {
  const releases: (() => void)[] = [];
  const engine: LocalEngine = {
    recognize: () =>
      hold
        ? new Promise((resolve) => releases.push(() => resolve(SAMPLE_BACK_RESULT)))
        : Promise.resolve(SAMPLE_BACK_RESULT),
    close: async () => {},
  };
  const { app, upstream } = localAppOver(engine);
  const listening = serve({
    fetch: app.fetch,
    port: 0,
    hostname: '127.0.0.1',
    serverOptions: httpServerOptions(bodyTimeoutMs),
  }) as Server;
  server = listening;
  await new Promise((resolve) => listening.once('listening', resolve));
  return { port: (listening.address() as AddressInfo).port, releases, upstream };
}

type Answer = { status: number; body: string; reusedSocket: boolean; connection?: string };

function send(
  port: number,
  agent: Agent,
  { method = 'POST', path = ROUTE, type = 'application/json', body = goodBody } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { port, host: '127.0.0.1', method, path, agent, headers: { 'content-type': type } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: text,
            reusedSocket: request.reusedSocket,
            ...(response.headers.connection ? { connection: response.headers.connection } : {}),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(method === 'GET' ? undefined : body);
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rawSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('keep-alive after an early answer', () => {
  it('carries the next request on the same connection after a ModelArts.4105', async () => {
    const { port } = await startServer();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const refused = await send(port, agent, { type: 'text/plain', body: 'x'.repeat(512 * 1024) });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body).error_code).toBe('ModelArts.4105');
    expect(refused.connection).not.toBe('close');
    // The connection used to be cut about half a second after such an answer.
    await pause(800);
    const next = await send(port, agent);
    expect(next.status).toBe(200);
    expect(next.reusedSocket).toBe(true);
    agent.destroy();
  });

  it('answers a full queue with 429 and Retry-After before reading the body, and keeps the connection', async () => {
    const { port, releases, upstream } = await startServer({ hold: true });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const spare = new Agent({ keepAlive: false });
    const held = [send(port, spare), send(port, spare)];
    await expect
      .poll(() => upstream.load(), { timeout: SERVER_POLL_MS })
      .toEqual({ running: 1, waiting: 1 });
    // The body is not even JSON: the answer is the queue's, decided before parsing.
    const refused = await new Promise<Answer & { retryAfter?: string }>((resolve, reject) => {
      const request = httpRequest(
        {
          port,
          host: '127.0.0.1',
          method: 'POST',
          path: ROUTE,
          agent,
          headers: { 'content-type': 'application/json' },
        },
        (response) => {
          response.resume();
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              body: '',
              reusedSocket: request.reusedSocket,
              ...(response.headers['retry-after']
                ? { retryAfter: response.headers['retry-after'] }
                : {}),
            }),
          );
        },
      );
      request.on('error', reject);
      request.end('{"image": not json at all');
    });
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe('1');
    for (const release of releases.splice(0)) release();
    await vi.waitFor(() => expect(releases).toHaveLength(1), { timeout: SERVER_POLL_MS });
    releases.splice(0).forEach((release) => {
      release();
    });
    expect((await Promise.all(held)).map((answer) => answer.status)).toEqual([200, 200]);
    const next = await send(port, agent, { method: 'GET', path: '/health' });
    expect(next).toMatchObject({ status: 200, reusedSocket: true });
    agent.destroy();
  });
});

describe('clients that leave', () => {
  it('says nothing in the log when clients drop mid-body or before their answer', async () => {
    const logged = ['error', 'warn', 'info', 'log'].map((level) =>
      vi.spyOn(console, level as 'error').mockImplementation(() => {}),
    );
    const { port, releases } = await startServer({ hold: true });
    for (let i = 0; i < 20; i++) {
      const socket = await rawSocket(port);
      socket.write(
        `POST ${ROUTE} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{"image":"`,
      );
      socket.write('A'.repeat(64 * 1024));
      await pause(5);
      socket.destroy();
    }
    const waiting = await rawSocket(port);
    waiting.write(
      `POST ${ROUTE} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(goodBody)}\r\n\r\n${goodBody}`,
    );
    await vi.waitFor(() => expect(releases).toHaveLength(1), { timeout: SERVER_POLL_MS });
    waiting.destroy();
    await pause(50);
    releases.splice(0).forEach((release) => {
      release();
    });
    await pause(200);
    const agent = new Agent({ keepAlive: false });
    expect((await send(port, agent, { method: 'GET', path: '/health' })).status).toBe(200);
    for (const spy of logged) expect(spy).not.toHaveBeenCalled();
  });

  it('answers a client sending its body a byte at a time with 408 once the body time is up', async () => {
    const { port } = await startServer({ bodyTimeoutMs: 1000 });
    const socket = await rawSocket(port);
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.write(
      `POST ${ROUTE} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`,
    );
    const drip = setInterval(() => socket.write('A'), 200);
    await closed;
    clearInterval(drip);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });
});
