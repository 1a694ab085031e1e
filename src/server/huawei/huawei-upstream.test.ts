import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OcrCall } from '../http/ocr-upstream.ts';
import {
  FAKE_ACCOUNT,
  FAKE_FRONT_RESULT,
  type FakeHuaweiCloud,
  startFakeHuaweiCloud,
} from '../test-support/fake-huawei-cloud.ts';
import type { HuaweiSettings } from './huawei-settings.ts';
import { createHuaweiUpstream } from './huawei-upstream.ts';
import { REFRESH_MARGIN_MS, REFUSAL_COOL_DOWN_MS } from './iam-token.ts';
import { MAX_ANSWER_BYTES } from './outbound-fetch.ts';

const REQUEST_BODY = JSON.stringify({ image: 'aGVsbG8=', side: 'front' });
const DAY_MS = 24 * 60 * 60 * 1000;

let cloud: FakeHuaweiCloud;

beforeEach(async () => {
  cloud = await startFakeHuaweiCloud(FAKE_ACCOUNT);
  // Failures are logged for the operator; keep the test output quiet.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(async () => {
  vi.restoreAllMocks();
  await cloud.stop();
});

function iamSettings(overrides: Partial<HuaweiSettings> = {}): HuaweiSettings {
  return {
    ocrBaseUrl: cloud.baseUrl,
    projectId: FAKE_ACCOUNT.projectId,
    timeoutMs: 2000,
    auth: {
      kind: 'iam',
      iamBaseUrl: cloud.baseUrl,
      domain: FAKE_ACCOUNT.domain,
      user: FAKE_ACCOUNT.user,
      password: FAKE_ACCOUNT.password,
      region: FAKE_ACCOUNT.region,
    },
    ...overrides,
  };
}

function ocrCall(overrides: Partial<OcrCall> = {}): OcrCall {
  return {
    projectId: 'whatever-the-browser-says',
    body: REQUEST_BODY,
    authToken: null,
    signal: new AbortController().signal,
    ...overrides,
  };
}

function issuedTokens(): string[] {
  return cloud.ocrCalls.map((call) => String(call.headers['x-auth-token']));
}

describe('Huawei upstream with IAM password authentication', () => {
  it('gets a token with the documented password-auth body and reads the card', async () => {
    const upstream = createHuaweiUpstream(iamSettings());
    const reply = await upstream.call(ocrCall());

    expect(reply).toEqual({ status: 200, body: { result: FAKE_FRONT_RESULT } });
    expect(cloud.iamCalls).toHaveLength(1);
    expect(JSON.parse(cloud.iamCalls[0]?.body ?? '')).toEqual({
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: { name: 'ocr-robot', password: 'pa55-word!', domain: { name: 'counter-co' } },
          },
        },
        scope: { project: { name: 'cn-north-4' } },
      },
    });
    // The configured project, whatever the browser's path said; the body unchanged.
    expect(cloud.ocrCalls[0]?.path).toBe(`/v2/${FAKE_ACCOUNT.projectId}/ocr/id-card`);
    expect(cloud.ocrCalls[0]?.body).toBe(REQUEST_BODY);
  });

  it('never forwards the browser-sent X-Auth-Token and never returns the token', async () => {
    const upstream = createHuaweiUpstream(iamSettings());
    const reply = await upstream.call(ocrCall({ authToken: 'browser-token' }));

    const [token] = issuedTokens();
    expect(token).toMatch(/^MII/);
    expect(token).not.toBe('browser-token');
    expect(JSON.stringify(reply)).not.toContain(token);
  });

  it('fetches one token for concurrent first requests and reuses it', async () => {
    cloud.delays.iamMs = 100;
    const upstream = createHuaweiUpstream(iamSettings());
    const replies = await Promise.all(Array.from({ length: 5 }, () => upstream.call(ocrCall())));
    await upstream.call(ocrCall());

    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200, 200]);
    expect(cloud.iamCalls).toHaveLength(1);
    expect(new Set(issuedTokens()).size).toBe(1);
  });

  it('keeps the token until shortly before it expires, then fetches a new one', async () => {
    let now = Date.parse('2025-01-01T00:00:00Z');
    const upstream = createHuaweiUpstream(iamSettings(), { now: () => now });
    await upstream.call(ocrCall());
    now += DAY_MS - REFRESH_MARGIN_MS - 1000;
    await upstream.call(ocrCall());
    expect(cloud.iamCalls).toHaveLength(1);

    now += 2000;
    await upstream.call(ocrCall());
    expect(cloud.iamCalls).toHaveLength(2);
    const [first, second, third] = issuedTokens();
    expect(second).toBe(first);
    expect(third).not.toBe(first);
  });

  it('refreshes the token once and retries once when the OCR service answers 401', async () => {
    const upstream = createHuaweiUpstream(iamSettings());
    await upstream.call(ocrCall());
    cloud.revokeTokens();

    const reply = await upstream.call(ocrCall());
    expect(reply.status).toBe(200);
    expect(cloud.iamCalls).toHaveLength(2);
    expect(cloud.ocrCalls).toHaveLength(3);
  });

  it('passes the second 401 through instead of retrying again', async () => {
    // Tokens that lapse as soon as they are issued: every OCR call is refused.
    await cloud.stop();
    cloud = await startFakeHuaweiCloud({ ...FAKE_ACCOUNT, tokenLifetimeMs: 0 });
    const upstream = createHuaweiUpstream(iamSettings());

    const reply = await upstream.call(ocrCall());
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ error_code: 'APIG.0301' });
    expect(cloud.iamCalls).toHaveLength(2);
    expect(cloud.ocrCalls).toHaveLength(2);
  });

  it("passes Huawei's error bodies through unchanged", async () => {
    const upstream = createHuaweiUpstream(iamSettings());
    const reply = await upstream.call(ocrCall({ body: JSON.stringify({ image: '%%%' }) }));
    expect(reply).toEqual({
      status: 400,
      body: { error_code: 'AIS.0102', error_msg: 'The image format is not supported.' },
    });
  });

  it('answers APIG.0202 naming IAM, not the password, when IAM refuses the credentials', async () => {
    let now = 0;
    const settings = iamSettings();
    const upstream = createHuaweiUpstream(
      { ...settings, auth: { ...settings.auth, password: 'wrong-pa55' } as HuaweiSettings['auth'] },
      { now: () => now },
    );
    const reply = await upstream.call(ocrCall());

    expect(reply.status).toBe(502);
    expect(reply.body).toMatchObject({ error_code: 'APIG.0202' });
    const message = JSON.stringify(reply.body);
    expect(message).toContain(`Huawei Cloud IAM at ${cloud.baseUrl}`);
    expect(message).toContain('HTTP 401');
    expect(message).not.toContain('wrong-pa55');
    expect(cloud.ocrCalls).toHaveLength(0);

    // A wrong password counts towards IAM's lock-out: no new attempt during the cool-down.
    await upstream.call(ocrCall());
    expect(cloud.iamCalls).toHaveLength(1);
    now += REFUSAL_COOL_DOWN_MS + 1;
    await upstream.call(ocrCall());
    expect(cloud.iamCalls).toHaveLength(2);
  });
});

describe('Huawei upstream with a fixed token', () => {
  it('sends the configured token and passes a 401 through without retrying', async () => {
    const upstream = createHuaweiUpstream(
      iamSettings({ auth: { kind: 'token', token: 'MIIfixed-but-unknown' } }),
    );
    const reply = await upstream.call(ocrCall({ authToken: 'browser-token' }));

    expect(issuedTokens()).toEqual(['MIIfixed-but-unknown']);
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({
      error_code: 'APIG.0301',
      error_msg: 'Incorrect IAM authentication information: decrypt token fail',
    });
    expect(cloud.iamCalls).toHaveLength(0);
  });
});

describe('Huawei upstream failures', () => {
  it('cuts the token out of an answer that echoes it', async () => {
    const echo = createServer((request, response) => {
      response.writeHead(401, { 'Content-Type': 'application/json' });
      response.end(
        JSON.stringify({
          error_code: 'APIG.0301',
          error_msg: `token ${request.headers['x-auth-token']} refused`,
        }),
      );
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    const { port } = echo.address() as AddressInfo;
    const upstream = createHuaweiUpstream(
      iamSettings({
        ocrBaseUrl: `http://127.0.0.1:${port}`,
        auth: { kind: 'token', token: 'MIIsecret-token' },
      }),
    );
    const reply = await upstream.call(ocrCall());
    await new Promise((resolve) => echo.close(resolve));

    expect(reply.body).toEqual({ error_code: 'APIG.0301', error_msg: 'token [redacted] refused' });
  });

  it('stops reading an answer larger than the limit', async () => {
    const flood = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      const megabyte = Buffer.alloc(1024 * 1024, 0x20);
      for (let written = 0; written <= MAX_ANSWER_BYTES; written += megabyte.length) {
        response.write(megabyte);
      }
      response.end();
    });
    await new Promise<void>((resolve) => flood.listen(0, '127.0.0.1', resolve));
    const { port } = flood.address() as AddressInfo;
    const upstream = createHuaweiUpstream(
      iamSettings({ ocrBaseUrl: `http://127.0.0.1:${port}`, auth: { kind: 'token', token: 't' } }),
    );
    const reply = await upstream.call(ocrCall());
    flood.closeAllConnections();
    await new Promise((resolve) => flood.close(resolve));

    expect(reply).toEqual({
      status: 502,
      body: {
        error_code: 'APIG.0202',
        error_msg: `Huawei Cloud OCR at http://127.0.0.1:${port} answered more than 32 MB`,
      },
    });
  });

  it('turns an answer that is not JSON into APIG.0202', async () => {
    const gateway = createServer((_request, response) => {
      response.writeHead(503, { 'Content-Type': 'text/html' });
      response.end('<html><body>Service Unavailable</body></html>');
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const { port } = gateway.address() as AddressInfo;
    const upstream = createHuaweiUpstream(
      iamSettings({ ocrBaseUrl: `http://127.0.0.1:${port}`, auth: { kind: 'token', token: 't' } }),
    );
    const reply = await upstream.call(ocrCall());
    await new Promise((resolve) => gateway.close(resolve));

    expect(reply).toEqual({
      status: 502,
      body: {
        error_code: 'APIG.0202',
        error_msg: `Huawei Cloud OCR at http://127.0.0.1:${port} answered HTTP 503 with a body that is not JSON`,
      },
    });
  });

  it('turns a stalled OCR answer into APIG.0201 within the time limit', async () => {
    cloud.delays.ocrMs = 60_000;
    const upstream = createHuaweiUpstream(iamSettings({ timeoutMs: 300 }));
    const started = Date.now();
    const reply = await upstream.call(ocrCall());

    expect(Date.now() - started).toBeLessThan(2000);
    expect(reply.status).toBe(504);
    expect(reply.body).toEqual({
      error_code: 'APIG.0201',
      error_msg: `Huawei Cloud OCR at ${cloud.baseUrl} did not answer within 0.3 s`,
    });
  });

  it('turns a stalled IAM answer into APIG.0201 too', async () => {
    cloud.delays.iamMs = 60_000;
    const upstream = createHuaweiUpstream(iamSettings({ timeoutMs: 300 }));
    const reply = await upstream.call(ocrCall());
    expect(reply.status).toBe(504);
    expect(JSON.stringify(reply.body)).toContain('Huawei Cloud IAM');
  });

  it('names an unreachable upstream without any secret', async () => {
    // A port that was just free: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const deadUrl = `http://127.0.0.1:${port}`;

    const upstream = createHuaweiUpstream(
      iamSettings({ ocrBaseUrl: deadUrl, auth: { kind: 'token', token: 'MIIsecret-token' } }),
    );
    const reply = await upstream.call(ocrCall());

    expect(reply).toEqual({
      status: 502,
      body: {
        error_code: 'APIG.0202',
        error_msg: `Huawei Cloud OCR at ${deadUrl} is unreachable (ECONNREFUSED)`,
      },
    });
    expect(JSON.stringify(reply)).not.toContain('MIIsecret-token');
  });

  it('gives up at once, without a log line, when the browser goes away', async () => {
    cloud.delays.ocrMs = 60_000;
    const upstream = createHuaweiUpstream(iamSettings());
    const browser = new AbortController();
    const pending = upstream.call(ocrCall({ signal: browser.signal }));
    setTimeout(() => browser.abort(new Error('client closed')), 100);
    const started = Date.now();
    await pending;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(console.error).not.toHaveBeenCalled();
  });

  it('logs each failure for the operator, without secrets', async () => {
    cloud.delays.ocrMs = 60_000;
    const upstream = createHuaweiUpstream(iamSettings({ timeoutMs: 200 }));
    await upstream.call(ocrCall());
    expect(console.error).toHaveBeenCalledWith(
      `OCR upstream failure: Huawei Cloud OCR at ${cloud.baseUrl} did not answer within 0.2 s`,
    );
  });
});
