import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { ocrRoutePath } from '../../idcard/api-contract.ts';
import type { LocalEngine } from '../local-engine/local-engine.ts';
import {
  localAppOver,
  SAMPLE_BACK_RESULT,
  SERVER_POLL_MS,
  smallJpeg,
} from '../test-support/local-app.ts';
import { shutDownGracefully } from './graceful-shutdown.ts';

const photo = await smallJpeg();

let server: Server | null = null;
afterEach(() => {
  server?.closeAllConnections();
  server = null;
});

/** A real server on a free port, with an engine whose recognitions wait for the test. */
async function startServer() {
  const releases: (() => void)[] = [];
  const events: string[] = [];
  const engine: LocalEngine = {
    recognize: () =>
      new Promise((resolve) => {
        releases.push(() => {
          events.push('recognised');
          resolve(SAMPLE_BACK_RESULT);
        });
      }),
    close: async () => {
      events.push('engine closed');
    },
  };
  const { app, upstream } = localAppOver(engine);
  const listening = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  server = listening;
  await new Promise((resolve) => listening.once('listening', resolve));
  const url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
  return { server: listening, upstream, url, releases, events };
}

function recognise(url: string): Promise<Response> {
  return fetch(`${url}${ocrRoutePath('p')}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ image: photo.toString('base64') }),
  });
}

describe('shutDownGracefully', () => {
  it('stops accepting, finishes the running and the queued request, then closes the engine', async () => {
    const { server, upstream, url, releases, events } = await startServer();
    const running = recognise(url);
    const queued = recognise(url);
    // Both requests must be admitted before shutdown starts: one running, one waiting. A loaded
    // machine can take well over a second to get the second one through the route's checks.
    await expect
      .poll(() => upstream.load(), { timeout: SERVER_POLL_MS })
      .toEqual({ running: 1, waiting: 1 });
    expect(releases).toHaveLength(1);

    const shutdown = shutDownGracefully(server, upstream, 5000).then(() => {
      events.push('shut down');
    });
    await expect(fetch(`${url}/health`)).rejects.toThrow();

    releases.shift()?.();
    await expect.poll(() => releases.length, { timeout: SERVER_POLL_MS }).toBe(1);
    expect(events).toEqual(['recognised']);
    releases.shift()?.();

    const answers = await Promise.all([running, queued]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(await answers[1]?.json()).toEqual({ result: SAMPLE_BACK_RESULT });
    await shutdown;
    expect(events).toEqual(['recognised', 'recognised', 'engine closed', 'shut down']);
  });

  it('answers a request that arrives on an open connection during shutdown with 4401', async () => {
    const { upstream } = await startServer();
    await upstream.close();
    const reply = await upstream.call({
      projectId: 'p',
      body: '{}',
      authToken: null,
      signal: new AbortController().signal,
    });
    expect(reply).toEqual({
      status: 429,
      body: { error_code: 'ModelArts.4401', error_msg: 'the server is shutting down; retry later' },
    });
  });
});
