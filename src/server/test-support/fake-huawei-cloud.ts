import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OCR_ROUTE_PATTERN } from '../../idcard/api-contract.ts';

/**
 * A stand-in for Huawei Cloud's IAM and OCR endpoints on 127.0.0.1, for tests. It follows the
 * documented behaviour: `POST /v3/auth/tokens` answers 201 with the token in `X-Subject-Token`
 * and `token.issued_at`/`expires_at` in the body (iam_30_0001); the OCR route wants that token
 * in `X-Auth-Token` and answers 401 `APIG.0301` without it, with an unknown or expired one
 * (ocr_01_0063), and `{ error_code, error_msg }` bodies for bad requests (ocr_03_0028).
 */
export type FakeHuaweiCloudOptions = {
  domain: string;
  user: string;
  password: string;
  region: string;
  projectId: string;
  /** 24 h, as documented, unless a test wants tokens to lapse. */
  tokenLifetimeMs?: number;
};

export type RecordedCall = {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
};

export type FakeHuaweiCloud = {
  /** `http://127.0.0.1:<port>`, usable as both HUAWEI_IAM_ENDPOINT and HUAWEI_OCR_ENDPOINT. */
  baseUrl: string;
  iamCalls: RecordedCall[];
  ocrCalls: RecordedCall[];
  /** Delays before each answer, to play a slow or stalled service. */
  delays: { iamMs: number; ocrMs: number };
  /** Makes every token issued so far invalid, as a password change does. */
  revokeTokens(): void;
  stop(): Promise<void>;
};

/** The IAM account and project the tests configure the Huawei upstream with. */
export const FAKE_ACCOUNT = {
  domain: 'counter-co',
  user: 'ocr-robot',
  password: 'pa55-word!',
  region: 'cn-north-4',
  projectId: '0123456789abcdef0123456789abcdef',
};

export const FAKE_FRONT_RESULT = {
  name: '张三',
  sex: '男',
  ethnicity: '汉',
  birth: '2000-03-06',
  address: 'XX省XX市XX区XX街道XX号',
  number: '610XXXXXXXXXXXXXXX',
};

const DAY_MS = 24 * 60 * 60 * 1000;

export async function startFakeHuaweiCloud(
  options: FakeHuaweiCloudOptions,
): Promise<FakeHuaweiCloud> {
  const lifetime = options.tokenLifetimeMs ?? DAY_MS;
  const tokens = new Map<string, number>();
  const iamCalls: RecordedCall[] = [];
  const ocrCalls: RecordedCall[] = [];
  const delays = { iamMs: 0, ocrMs: 0 };

  function issueToken(request: RecordedCall, response: ServerResponse): void {
    const auth = parseJson(request.body) as PasswordAuthBody | null;
    const user = auth?.auth?.identity?.password?.user;
    const scope = auth?.auth?.scope?.project?.name;
    if (!auth?.auth?.identity?.methods?.includes('password') || !user || !scope) {
      sendJson(response, 400, {
        error: { code: 400, message: 'The request body is invalid.', title: 'Bad Request' },
      });
      return;
    }
    if (
      user.name !== options.user ||
      user.password !== options.password ||
      user.domain?.name !== options.domain
    ) {
      sendJson(response, 401, {
        error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' },
      });
      return;
    }
    if (scope !== options.region) {
      sendJson(response, 400, {
        error: { code: 400, message: 'The project name is invalid.', title: 'Bad Request' },
      });
      return;
    }
    const token = `MII${randomBytes(24).toString('base64url')}`;
    const issuedAt = Date.now();
    tokens.set(token, issuedAt + lifetime);
    response.setHeader('X-Subject-Token', token);
    sendJson(response, 201, {
      token: {
        issued_at: new Date(issuedAt).toISOString(),
        expires_at: new Date(issuedAt + lifetime).toISOString(),
        methods: ['password'],
        project: { name: options.region, domain: { name: options.domain } },
        user: { name: options.user, domain: { name: options.domain } },
      },
    });
  }

  function recognise(projectId: string, request: RecordedCall, response: ServerResponse): void {
    const token = request.headers['x-auth-token'];
    if (typeof token !== 'string') {
      sendJson(response, 401, apigError('x-auth-token not found'));
      return;
    }
    const expiresAt = tokens.get(token);
    if (expiresAt === undefined) {
      sendJson(response, 401, apigError('decrypt token fail'));
      return;
    }
    if (Date.now() >= expiresAt) {
      sendJson(response, 401, apigError(`token expires, expires_at: ${expiresAt}`));
      return;
    }
    if (projectId !== options.projectId) {
      sendJson(response, 403, {
        error_code: 'APIG.0302',
        error_msg: 'The IAM user is not authorized to access the API.',
      });
      return;
    }
    const body = parseJson(request.body) as { image?: unknown } | null;
    if (!body || typeof body.image !== 'string' || body.image === '') {
      sendJson(response, 400, {
        error_code: 'AIS.0101',
        error_msg: 'The input parameter is invalid.',
      });
      return;
    }
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body.image)) {
      sendJson(response, 400, {
        error_code: 'AIS.0102',
        error_msg: 'The image format is not supported.',
      });
      return;
    }
    sendJson(response, 200, { result: FAKE_FRONT_RESULT });
  }

  const server = createServer(async (incoming, response) => {
    const call: RecordedCall = {
      path: incoming.url ?? '',
      headers: incoming.headers,
      body: await readBody(incoming),
    };
    const path = new URL(call.path, 'http://fake').pathname;
    const ocrMatch = OCR_ROUTE_PATTERN.exec(path);
    if (incoming.method === 'POST' && path === '/v3/auth/tokens') {
      iamCalls.push(call);
      await pause(delays.iamMs);
      issueToken(call, response);
    } else if (incoming.method === 'POST' && ocrMatch?.[1]) {
      ocrCalls.push(call);
      await pause(delays.ocrMs);
      recognise(decodeURIComponent(ocrMatch[1]), call, response);
    } else {
      sendJson(response, 404, {
        error_code: 'APIG.0101',
        error_msg: 'The API does not exist or has not been published in the environment.',
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    iamCalls,
    ocrCalls,
    delays,
    revokeTokens: () => tokens.clear(),
    stop: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

type PasswordAuthBody = {
  auth?: {
    identity?: {
      methods?: string[];
      password?: {
        user?: { name?: string; password?: string; domain?: { name?: string } };
      };
    };
    scope?: { project?: { name?: string } };
  };
};

function apigError(reason: string) {
  return {
    error_code: 'APIG.0301',
    error_msg: `Incorrect IAM authentication information: ${reason}`,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8' });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function pause(ms: number): Promise<void> {
  // Unreferenced, so that a stalled answer never keeps the test process alive.
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
