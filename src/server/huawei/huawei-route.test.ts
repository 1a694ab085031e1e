import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ocrRoutePath } from '../../idcard/api-contract.ts';
import { createApp, MAX_BODY_BYTES } from '../http/create-app.ts';
import {
  FAKE_ACCOUNT,
  FAKE_FRONT_RESULT,
  type FakeHuaweiCloud,
  startFakeHuaweiCloud,
} from '../test-support/fake-huawei-cloud.ts';
import { createHuaweiUpstream } from './huawei-upstream.ts';

// The Huawei path seen from the browser: the real route (limits, headers, error shape) in
// front of the Huawei upstream, against the fake Huawei Cloud on loopback.

let cloud: FakeHuaweiCloud;

beforeEach(async () => {
  cloud = await startFakeHuaweiCloud(FAKE_ACCOUNT);
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(async () => {
  vi.restoreAllMocks();
  await cloud.stop();
});

function huaweiApp(timeoutMs = 2000) {
  const upstream = createHuaweiUpstream({
    ocrBaseUrl: cloud.baseUrl,
    projectId: FAKE_ACCOUNT.projectId,
    timeoutMs,
    auth: { kind: 'iam', iamBaseUrl: cloud.baseUrl, ...FAKE_ACCOUNT },
  });
  return createApp({
    staticRoot: null,
    ocr: {
      upstream,
      requiredToken: null,
      maxUploads: 16,
      health: () => ({ ready: true, upstream: upstream.name }),
    },
  });
}

function post(
  app: ReturnType<typeof createApp>,
  body: string,
  headers: Record<string, string> = {},
) {
  return app.request(ocrRoutePath('browser-project'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json;charset=UTF-8', ...headers },
    body,
  });
}

describe('the OCR route in front of Huawei Cloud', () => {
  it('answers the card and keeps the token and credentials out of the response', async () => {
    const response = await post(huaweiApp(), JSON.stringify({ image: 'aGVsbG8=' }), {
      'X-Auth-Token': 'browser-token',
    });
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(JSON.parse(text)).toEqual({ result: FAKE_FRONT_RESULT });
    const token = String(cloud.ocrCalls[0]?.headers['x-auth-token']);
    expect(token).toMatch(/^MII/);
    const everything = [...response.headers].flat().join('\n') + text;
    for (const secret of [token, FAKE_ACCOUNT.password]) {
      expect(everything).not.toContain(secret);
    }
    expect(response.headers.get('X-Subject-Token')).toBeNull();
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
  });

  it('never passes the browser-sent X-Auth-Token to Huawei', async () => {
    await post(huaweiApp(), JSON.stringify({ image: 'aGVsbG8=' }), {
      'X-Auth-Token': 'browser-token',
    });
    const sent = cloud.ocrCalls.map((call) => call.headers['x-auth-token']);
    expect(sent).toHaveLength(1);
    expect(sent).not.toContain('browser-token');
  });

  it('refuses a body over the limit before any call to Huawei', async () => {
    const image = 'A'.repeat(MAX_BODY_BYTES);
    const response = await post(huaweiApp(), JSON.stringify({ image }));

    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error_code: 'ModelArts.4104' });
    expect(cloud.iamCalls).toHaveLength(0);
    expect(cloud.ocrCalls).toHaveLength(0);
  });

  it('answers a stalled Huawei Cloud with APIG.0201 in the API error shape', async () => {
    cloud.delays.ocrMs = 60_000;
    const response = await post(huaweiApp(300), JSON.stringify({ image: 'aGVsbG8=' }));

    expect(response.status).toBe(504);
    expect(await response.json()).toEqual({
      error_code: 'APIG.0201',
      error_msg: `Huawei Cloud OCR at ${cloud.baseUrl} did not answer within 0.3 s`,
    });
  });
});
