import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  API_ERRORS,
  type IdCardResponse,
  IMAGE_LIMITS,
  ocrRoutePath,
} from '../../idcard/api-contract.ts';
import { ImageDecodeError, NoCardFoundError, SameSideTwiceError } from '../../ocr/errors.ts';
import { EMPTY_ALLOW_LIST, parseAllowList, type UrlAllowList } from '../image/address-policy.ts';
import { encodeJpeg } from '../image/image-codec.ts';
import { MAX_URL_REDIRECTS } from '../image/image-url-fetch.ts';
import type { LocalEngine, RecognizeOptions } from '../local-engine/local-engine.ts';
import { createLocalUpstream, type LocalUpstreamSettings } from '../local-engine/local-upstream.ts';
import { SERVER_POLL_MS } from '../test-support/local-app.ts';
import { MAX_IMAGE_BYTES } from './base64-image.ts';
import { createApp, MAX_BODY_BYTES } from './create-app.ts';
import { MAX_JSON_DEPTH, MAX_JSON_VALUES } from './json-shape.ts';

// These tests cover the route's validation, failures and limits with a stand-in engine that can
// be made to fail or wait on demand; the real engine reads a rendered card photo in local-engine-route.test.ts.

const FRONT: IdCardResponse['result'] = {
  name: '张三',
  sex: '男',
  ethnicity: '汉',
  birth: '2000-03-06',
  address: '北京市东城区景山前街4号',
  number: '11010120000306001X',
};

type StandIn = LocalEngine & { calls: RecognizeOptions[] };

function standInEngine(
  recognize: (signal?: AbortSignal) => Promise<IdCardResponse['result']> = async () => FRONT,
): StandIn {
  const engine: StandIn = {
    calls: [],
    recognize: (_bytes, options, signal) => {
      engine.calls.push(options);
      return recognize(signal);
    },
    close: async () => {},
  };
  return engine;
}

function settings(overrides: Partial<LocalUpstreamSettings> = {}, allowList?: UrlAllowList) {
  return {
    admission: { concurrency: 2, queueLimit: 2, maxWaitMs: 5000 },
    requestTimeoutMs: 5000,
    urlFetch: {
      allowList: allowList ?? EMPTY_ALLOW_LIST,
      timeoutMs: 2000,
      maxBytes: MAX_IMAGE_BYTES,
      maxRedirects: MAX_URL_REDIRECTS,
    },
    ...overrides,
  };
}

function appWith(
  engine: LocalEngine,
  options: {
    settings?: LocalUpstreamSettings;
    requiredToken?: string | null;
    maxUploads?: number;
  } = {},
) {
  const upstream = createLocalUpstream(Promise.resolve(engine), options.settings ?? settings());
  const app = createApp({
    staticRoot: null,
    ocr: {
      upstream,
      requiredToken: options.requiredToken ?? null,
      maxUploads: options.maxUploads ?? 16,
      health: () => ({
        ready: upstream.engineState() === 'loaded',
        upstream: upstream.name,
        engine: upstream.engineState(),
      }),
    },
  });
  return { app, upstream };
}

const ROUTE = ocrRoutePath('0b1f2e3d4c5a6978');

function post(
  app: ReturnType<typeof createApp>,
  body: unknown,
  headers: Record<string, string> = {},
): Response | Promise<Response> {
  return app.request(ROUTE, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function expectError(response: Response | Promise<Response>, code: keyof typeof API_ERRORS) {
  const answer = await response;
  const body = await answer.json();
  expect(body).toEqual({ error_code: code, error_msg: expect.any(String) });
  expect(answer.status).toBe(API_ERRORS[code]);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  return body.error_msg as string;
}

/** A complete PNG of grey pixels, built by hand so its header can say anything. */
function png(width: number, height: number, { pixels = true } = {}): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = pixels ? Buffer.alloc(height * (width + 1), 0x80) : Buffer.alloc(0);
  for (let y = 0; pixels && y < height; y++) rows[y * (width + 1)] = 0; // filter: none
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A plain grey JPEG: a valid image for every check before recognition. */
const photo = Buffer.from(
  await encodeJpeg({ width: 96, height: 60, data: new Uint8Array(96 * 60 * 3).fill(200) }, 90),
);
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('OCR route: validation order', () => {
  it('1. body size first: an oversized body is refused by its declared length alone', async () => {
    const { app } = appWith(standInEngine());
    const response = app.request(ROUTE, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'content-length': String(MAX_BODY_BYTES + 1) },
      body: 'not json either',
    });
    await expectError(response, 'ModelArts.4104');
  });

  it('1. body size while streaming: a body without a length is cut off at the limit', async () => {
    const { app } = appWith(standInEngine());
    const chunk = new Uint8Array(1024 * 1024).fill(0x41);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Never ends on its own: only the limit stops the reading.
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = app.request(ROUTE, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expectError(response, 'ModelArts.4104');
    expect(sent).toBeLessThan(MAX_BODY_BYTES + 3 * chunk.length);
  });

  it('2. then the body must be declared and parse as JSON', async () => {
    const { app } = appWith(standInEngine());
    const wrongType = await expectError(
      post(app, { image: '!!' }, { 'content-type': 'text/plain' }),
      'ModelArts.4105',
    );
    expect(wrongType).toMatch(/Content-Type/);
    await expectError(post(app, '{"image": "abc", "side": '), 'ModelArts.4105');
  });

  it('2. accepts a charset parameter on the JSON content type', async () => {
    const { app } = appWith(standInEngine());
    const response = await post(
      app,
      { image: base64(photo) },
      { 'content-type': 'application/json;charset=UTF-8' },
    );
    expect(response.status).toBe(200);
  });

  it('3. then the parameters, before looking at the image', async () => {
    const { app } = appWith(standInEngine());
    await expectError(post(app, { image: '!!!', side: 'left' }), 'AIS.0101');
  });

  it('4. then the base64, before the image format', async () => {
    const { app } = appWith(standInEngine());
    await expectError(post(app, { image: 'R0lGODlh!!!!' }), 'AIS.0102');
  });

  it('5. then the format, before the pixel limits', async () => {
    const { app } = appWith(standInEngine());
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    await expectError(post(app, { image: base64(gif) }), 'AIS.0102');
  });

  it('6. last the pixel limits, read from the header without decoding', async () => {
    const engine = standInEngine();
    const { app } = appWith(engine);
    const started = Date.now();
    const message = await expectError(
      post(app, { image: base64(png(100_000, 100_000, { pixels: false })) }),
      'AIS.0103',
    );
    expect(message).toContain('100000 x 100000');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(engine.calls).toEqual([]);
  });
});

describe('OCR route: parameters (AIS.0101)', () => {
  it.each([
    ['neither image nor url', {}],
    ['both image and url', { image: 'AAAA', url: 'https://images.example.test/card.jpg' }],
    ['a switch given as a string', { image: 'AAAA', return_verification: 'true' }],
    ['a switch given as a number', { image: 'AAAA', detect_blur: 1 }],
    ['an unknown side', { image: 'AAAA', side: 'left' }],
    ['an image that is not a string', { image: 42 }],
    ['a url that is not a URL', { url: 'card.jpg' }],
    ['a body that is a JSON array', [{ image: 'AAAA' }]],
  ])('refuses %s', async (_label, body) => {
    const { app } = appWith(standInEngine());
    await expectError(post(app, body), 'AIS.0101');
  });

  it('maps every switch and side to the engine, ignoring unknown fields', async () => {
    const engine = standInEngine();
    const { app } = appWith(engine);
    const response = await post(app, {
      image: base64(photo),
      side: 'double_side',
      return_verification: true,
      return_text_location: false,
      return_portrait_image: true,
      detect_copy: true,
      detect_blur: false,
      detect_glare: true,
      some_future_switch: 'ignored',
    });
    expect(response.status).toBe(200);
    expect(engine.calls).toEqual([
      {
        side: 'double_side',
        returnVerification: true,
        returnTextLocation: false,
        returnAdjustedImage: false,
        returnPortraitImage: true,
        returnPortraitLocation: false,
        alarms: ['detect_glare', 'detect_copy'],
      },
    ]);
  });

  it('reads an empty or absent side as "detect automatically"', async () => {
    const engine = standInEngine();
    const { app } = appWith(engine);
    await post(app, { image: base64(photo), side: '' });
    await post(app, { image: base64(photo) });
    expect(engine.calls.map((call) => call.side)).toEqual(['auto', 'auto']);
  });
});

describe('OCR route: the image (AIS.0102, AIS.0103)', () => {
  it.each([
    ['characters outside the alphabet', '/9j/4AAQ SkZJRg=='],
    ['the URL-safe alphabet', '_9j_4AAQSkZJRg=='],
    ['a data: URL prefix', `data:image/jpeg;base64,/9j/4AAQ`],
    ['bad padding', '/9j/4AAQSkZJRg='],
    ['padding in the middle', '/9j=4AAQSkZJRg=='],
  ])('refuses base64 with %s', async (_label, image) => {
    const { app } = appWith(standInEngine());
    await expectError(post(app, { image }), 'AIS.0102');
  });

  it('accepts base64 wrapped in lines, as `base64` and MIME encoders write it', async () => {
    const { app } = appWith(standInEngine());
    const wrapped = base64(photo).replace(/.{76}/g, '$&\r\n');
    expect(wrapped).toContain('\r\n');
    expect((await post(app, { image: wrapped })).status).toBe(200);
  });

  it.each([
    ['random bytes', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256))],
    ['wrong magic bytes', Buffer.concat([Buffer.from('%PDF-1.7\n'), photo.subarray(9)])],
    ['an empty image', Buffer.alloc(0)],
    ['a truncated PNG header', png(200, 100).subarray(0, 20)],
  ])('refuses %s as not an image', async (_label, bytes) => {
    const { app } = appWith(standInEngine());
    await expectError(post(app, { image: base64(bytes) }), 'AIS.0102');
  });

  it.each([
    ['a 1 x 1 PNG', png(1, 1)],
    ['a PNG 14 px high', png(300, 14)],
    ['a PNG 8193 px wide', png(8193, 20, { pixels: false })],
  ])('refuses %s as outside the pixel limits', async (_label, bytes) => {
    const { app } = appWith(standInEngine());
    await expectError(post(app, { image: base64(bytes) }), 'AIS.0103');
  });

  it('accepts the smallest allowed image, 15 x 15 px', async () => {
    const { app } = appWith(standInEngine());
    expect((await post(app, { image: base64(png(15, 15)) })).status).toBe(200);
  });

  it('refuses more than 10 MB of base64 as too large', async () => {
    const { app } = appWith(standInEngine());
    const image = 'A'.repeat(10 * 1024 * 1024 + 4);
    await expectError(post(app, { image }), 'AIS.0103');
  });
});

describe('OCR route: bounded cost before admission', () => {
  /** An engine whose recognitions wait until the test releases them. */
  function heldEngine() {
    const releases: (() => void)[] = [];
    const engine = standInEngine(
      () => new Promise((resolve) => releases.push(() => resolve(FRONT))),
    );
    return { engine, releases };
  }

  it('refuses with 429 and Retry-After before parsing when every slot and the queue are taken', async () => {
    const { engine, releases } = heldEngine();
    const { app, upstream } = appWith(engine, {
      settings: settings({ admission: { concurrency: 1, queueLimit: 1, maxWaitMs: 5000 } }),
    });
    const held = [post(app, { image: base64(photo) }), post(app, { image: base64(photo) })];
    await expect
      .poll(() => upstream.load(), { timeout: SERVER_POLL_MS })
      .toEqual({ running: 1, waiting: 1 });
    // Not JSON: the answer is decided before the body is parsed.
    const refused = post(app, '{"image": [[[');
    expect((await refused).headers.get('retry-after')).toBe('1');
    await expectError(refused, 'ModelArts.4401');
    releases.shift()?.();
    await vi.waitFor(() => expect(releases).toHaveLength(1), { timeout: SERVER_POLL_MS });
    releases.shift()?.();
    expect((await Promise.all(held)).map((answer) => answer.status)).toEqual([200, 200]);
    expect(engine.calls).toHaveLength(2);
  });

  it('refuses with 429 while as many bodies as allowed are still arriving', async () => {
    const { app } = appWith(standInEngine(), { maxUploads: 1 });
    let finish = () => {};
    const slow = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`{"image":"${base64(photo)}`));
        finish = () => {
          controller.enqueue(new TextEncoder().encode('"}'));
          controller.close();
        };
      },
    });
    const arriving = app.request(ROUTE, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: slow,
      duplex: 'half',
    } as RequestInit);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const message = await expectError(post(app, { image: base64(photo) }), 'ModelArts.4401');
    expect(message).toMatch(/bodies are being received/);
    finish();
    expect((await arriving).status).toBe(200);
    expect((await post(app, { image: base64(photo) })).status).toBe(200);
  });

  it('refuses a body nested deeper than the API could need, before parsing it', async () => {
    const { app } = appWith(standInEngine());
    const nested = `{"image":"AAAA","x":${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}}`;
    expect(await expectError(post(app, nested), 'AIS.0101')).toMatch(/nests deeper/);
    // 10 MB of brackets: refused at the ninth.
    await expectError(post(app, '['.repeat(10 * 1024 * 1024)), 'AIS.0101');
  });

  it('refuses a body holding more values than the API could need, before parsing it', async () => {
    const { app } = appWith(standInEngine());
    const many = { image: base64(photo), x: Array.from({ length: MAX_JSON_VALUES }, () => 1) };
    expect(await expectError(post(app, many), 'AIS.0101')).toMatch(/more than/);
  });

  it('still reads a body whose strings hold brackets, commas and escaped quotes', async () => {
    const { app } = appWith(standInEngine());
    const response = await post(app, {
      image: base64(photo),
      note: `${'[{,'.repeat(MAX_JSON_VALUES)}\\"]]]`,
    });
    expect(response.status).toBe(200);
  });

  it('takes 10 MB of base64 wrapped in CRLF lines, each written as \\r\\n inside the JSON', async () => {
    const { app } = appWith(standInEngine());
    // A real JPEG padded to just under the API's 10 MB of base64.
    const padded = Buffer.concat([photo, Buffer.alloc(MAX_IMAGE_BYTES - 3 - photo.length)]);
    const wrapped = base64(padded).replace(/.{76}/g, '$&\r\n');
    expect(wrapped.replace(/\r\n/g, '').length).toBeLessThanOrEqual(IMAGE_LIMITS.maxBase64Chars);
    const body = JSON.stringify({ image: wrapped });
    // Each CR LF is four bytes of the body: more than the 10 MB plus two bytes a line.
    expect(body.length).toBeGreaterThan(IMAGE_LIMITS.maxBase64Chars * (78 / 76) + 64 * 1024);
    const response = await post(app, body);
    expect(response.status).toBe(200);
  });
});

describe('OCR route: engine failures', () => {
  it.each([
    ['no card found', new NoCardFoundError('no ID card found'), 'AIS.0104'],
    ['two cards of the same side', new SameSideTwiceError('two portrait sides'), 'AIS.0122'],
    ['an image that does not decode', new ImageDecodeError('truncated'), 'AIS.0102'],
  ] as const)('answers %s with its code', async (_label, error, code) => {
    const { app } = appWith(standInEngine(() => Promise.reject(error)));
    const message = await expectError(post(app, { image: base64(photo) }), code);
    expect(message).toBe(error.message);
  });

  it('answers an unforeseen engine error as AIS.0105 without its details', async () => {
    const failure = new TypeError("Cannot read properties of undefined (reading 'dims')");
    const { app } = appWith(standInEngine(() => Promise.reject(failure)));
    const response = await post(app, { image: base64(photo) });
    const text = await response.clone().text();
    await expectError(response, 'AIS.0105');
    expect(text).not.toContain('dims');
    expect(text).not.toContain('at ');
  });

  it('answers AIS.0105 when recognition outlasts the request time limit, and aborts it', async () => {
    let engineSignal: AbortSignal | undefined;
    const engine = standInEngine((signal) => {
      engineSignal = signal;
      return new Promise(() => {});
    });
    const { app } = appWith(engine, { settings: settings({ requestTimeoutMs: 100 }) });
    const message = await expectError(post(app, { image: base64(photo) }), 'AIS.0105');
    expect(message).toMatch(/within 0\.1 s/);
    expect((engineSignal as AbortSignal | undefined)?.aborted).toBe(true);
  });
});

describe('OCR route: the X-Auth-Token', () => {
  const TOKEN = 'counter-token-5e1d7a3b9c';

  it('is ignored when no token is configured', async () => {
    const { app } = appWith(standInEngine());
    const response = await post(app, { image: base64(photo) }, { 'x-auth-token': 'anything' });
    expect(response.status).toBe(200);
  });

  it('is required when one is configured (ModelArts.4101)', async () => {
    const { app } = appWith(standInEngine(), { requiredToken: TOKEN });
    await expectError(post(app, { image: base64(photo) }), 'ModelArts.4101');
  });

  it('must match the configured one (ModelArts.4102)', async () => {
    const { app } = appWith(standInEngine(), { requiredToken: TOKEN });
    for (const wrong of [`${TOKEN}x`, TOKEN.slice(0, -1), TOKEN.toUpperCase()]) {
      await expectError(
        post(app, { image: base64(photo) }, { 'x-auth-token': wrong }),
        'ModelArts.4102',
      );
    }
  });

  it('lets the right token through', async () => {
    const { app } = appWith(standInEngine(), { requiredToken: TOKEN });
    const response = await post(app, { image: base64(photo) }, { 'x-auth-token': TOKEN });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: FRONT });
  });

  it('is checked before the body is read', async () => {
    const { app } = appWith(standInEngine(), { requiredToken: TOKEN });
    const response = app.request(ROUTE, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'content-length': String(MAX_BODY_BYTES + 1) },
      body: 'x',
    });
    await expectError(response, 'ModelArts.4101');
  });
});

describe('OCR route: the url parameter', () => {
  let imageServer: Server;
  let origin: string;

  beforeAll(async () => {
    imageServer = createServer((request, response) => {
      if (request.url === '/card.jpg') response.writeHead(200).end(photo);
      else if (request.url === '/to-private') {
        response.writeHead(302, { location: 'http://10.0.0.7/card.jpg' }).end();
      } else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => imageServer.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(imageServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    imageServer.closeAllConnections();
    await new Promise((resolve) => imageServer.close(resolve));
  });

  const allowLoopback = () => settings({}, parseAllowList('127.0.0.1').allowList);

  it('recognises an image from an allowed address', async () => {
    const { app } = appWith(standInEngine(), { settings: allowLoopback() });
    const response = await post(app, { url: `${origin}/card.jpg` });
    expect(response.status).toBe(200);
  });

  it.each([
    ['loopback', () => `${origin}/card.jpg`],
    ['10.x', () => 'http://10.1.2.3/card.jpg'],
    ['the metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ['[::1]', () => 'http://[::1]/card.jpg'],
    ['::ffff:127.0.0.1', () => 'http://[::ffff:127.0.0.1]/card.jpg'],
    ['::127.0.0.1 (IPv4-compatible)', () => 'http://[::127.0.0.1]/card.jpg'],
  ])('refuses %s without an allow-list (ModelArts.4601)', async (_label, url) => {
    const { app } = appWith(standInEngine());
    await expectError(post(app, { url: url() }), 'ModelArts.4601');
  });

  it('refuses a redirect to a private address (ModelArts.4601)', async () => {
    const { app } = appWith(standInEngine(), { settings: allowLoopback() });
    await expectError(post(app, { url: `${origin}/to-private` }), 'ModelArts.4601');
  });

  it('answers a failed download with ModelArts.4603', async () => {
    const { app } = appWith(standInEngine(), { settings: allowLoopback() });
    await expectError(post(app, { url: `${origin}/missing.jpg` }), 'ModelArts.4603');
  });
});

describe('OCR route: bounded concurrency', () => {
  it('queues briefly, then answers ModelArts.4401 when every slot and queue place is taken', async () => {
    const releases: (() => void)[] = [];
    const engine = standInEngine(
      () => new Promise((resolve) => releases.push(() => resolve(FRONT))),
    );
    const { app, upstream } = appWith(engine, {
      settings: settings({ admission: { concurrency: 1, queueLimit: 1, maxWaitMs: 5000 } }),
    });
    const running = post(app, { image: base64(photo) });
    const queued = post(app, { image: base64(photo) });
    await expect
      .poll(() => upstream.load(), { timeout: SERVER_POLL_MS })
      .toEqual({ running: 1, waiting: 1 });
    await expectError(post(app, { image: base64(photo) }), 'ModelArts.4401');
    releases.shift()?.();
    await expect.poll(() => releases.length, { timeout: SERVER_POLL_MS }).toBe(1);
    releases.shift()?.();
    expect((await running).status).toBe(200);
    expect((await queued).status).toBe(200);
  });

  it('answers ModelArts.4401 to a request that waited too long for a slot', async () => {
    let release = () => {};
    const engine = standInEngine(
      () =>
        new Promise((resolve) => {
          release = () => resolve(FRONT);
        }),
    );
    const { app } = appWith(engine, {
      settings: settings({ admission: { concurrency: 1, queueLimit: 4, maxWaitMs: 50 } }),
    });
    const running = post(app, { image: base64(photo) });
    await expect.poll(() => engine.calls.length, { timeout: SERVER_POLL_MS }).toBe(1);
    await expectError(post(app, { image: base64(photo) }), 'ModelArts.4401');
    release();
    expect((await running).status).toBe(200);
  });
});

describe('routing and health', () => {
  it('answers unknown API routes and wrong methods in the API shape (404)', async () => {
    const { app } = appWith(standInEngine());
    await expectError(app.request('/v2/p/ocr/bank-card', { method: 'POST' }), 'APIG.0101');
    await expectError(app.request(ROUTE), 'APIG.0101');
  });

  it('accepts any project id', async () => {
    const { app } = appWith(standInEngine());
    const response = await app.request(ocrRoutePath('any-project'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ image: base64(photo) }),
    });
    expect(response.status).toBe(200);
  });

  it('answers an error thrown outside the upstream as AIS.0105 JSON', async () => {
    const app = createApp({
      staticRoot: null,
      ocr: {
        upstream: {
          name: 'broken',
          call: () => Promise.reject(new Error('socket hang up')),
          close: async () => {},
        },
        requiredToken: null,
        maxUploads: 16,
        health: () => ({ ready: true, upstream: 'broken' }),
      },
    });
    const response = await post(app, { image: 'AAAA' });
    const text = await response.clone().text();
    await expectError(response, 'AIS.0105');
    expect(text).not.toContain('socket hang up');
  });

  it('reports whether the engine is loaded', async () => {
    let finishLoading: (engine: LocalEngine) => void = () => {};
    const loading = new Promise<LocalEngine>((resolve) => {
      finishLoading = resolve;
    });
    const upstream = createLocalUpstream(loading, settings());
    const app = createApp({
      staticRoot: null,
      ocr: {
        upstream,
        requiredToken: null,
        maxUploads: 16,
        health: () => ({
          ready: upstream.engineState() === 'loaded',
          upstream: upstream.name,
          engine: upstream.engineState(),
        }),
      },
    });
    const before = await app.request('/health');
    expect(before.status).toBe(503);
    expect(await before.json()).toMatchObject({ status: 'unavailable', engine: 'loading' });
    finishLoading(standInEngine());
    await loading;
    const after = await app.request('/health');
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ status: 'ok', engine: 'loaded' });
  });
});
