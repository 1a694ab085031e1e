import { z } from 'zod';
import { type HuaweiSettings, parseHuaweiSettings } from '../huawei/huawei-settings.ts';
import { parseAllowList, type UrlAllowList } from '../image/address-policy.ts';

// An empty variable (`FOO=` in a unit file or `docker run -e FOO=`) counts as unset.
const optionalText = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.string().trim().optional(),
);

export const UPSTREAM_KINDS = ['local', 'huawei'] as const;

// The only module that reads process.env: every setting is parsed and checked once at start-up.
const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  TLS_CERT: optionalText,
  TLS_KEY: optionalText,
  OCR_UPSTREAM: z.enum(UPSTREAM_KINDS).default('local'),
  HUAWEI_OCR_ENDPOINT: optionalText,
  HUAWEI_PROJECT_ID: optionalText,
  HUAWEI_AUTH_TOKEN: optionalText,
  HUAWEI_IAM_ENDPOINT: optionalText,
  HUAWEI_IAM_DOMAIN: optionalText,
  HUAWEI_IAM_USER: optionalText,
  HUAWEI_IAM_PASSWORD: optionalText,
  HUAWEI_REGION: optionalText,
  // Huawei answers an ID card in about a second; 20 s leaves room for a slow link.
  HUAWEI_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(20_000),
  // Long enough that guessing it is hopeless; any printable text (e.g. `openssl rand -hex 16`).
  OCR_LOCAL_TOKEN: optionalText.pipe(z.string().min(16).optional()),
  // Two single-threaded inference workers beat one with two threads on two cores (DESIGN.md).
  OCR_WORKERS: z.coerce.number().int().min(1).max(64).default(2),
  // A card takes one to two seconds per worker here: 8 waiting is a few seconds of work.
  OCR_QUEUE_LIMIT: z.coerce.number().int().min(0).max(1000).default(8),
  OCR_QUEUE_WAIT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  OCR_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  OCR_URL_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  OCR_URL_ALLOW: optionalText,
  // Each body being received may hold up to 10.7 MB until it is parsed: 16 bound that to 171 MB.
  OCR_UPLOAD_LIMIT: z.coerce.number().int().min(1).max(1000).default(16),
  // A browser sends about 1 MB (compressed); a 10 MB body at 1.5 Mbit/s takes about a minute.
  OCR_BODY_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
});

/** Certificate and key files (PEM) for HTTPS. */
export type TlsFiles = { certPath: string; keyPath: string };

export type UpstreamSettings = { kind: 'local' } | ({ kind: 'huawei' } & HuaweiSettings);

/** Settings of the bundled engine and its route. */
export type LocalEngineSettings = {
  /** The `X-Auth-Token` callers must send, or null to ignore the header. */
  token: string | null;
  workers: number;
  queueLimit: number;
  queueWaitMs: number;
  requestTimeoutMs: number;
  urlTimeoutMs: number;
  urlAllowList: UrlAllowList;
};

/** Limits of the HTTP edge, for every upstream. */
export type HttpLimits = {
  /** Request bodies read at once; more are answered 429 before their body is read. */
  maxUploads: number;
  /** Time for a request's headers and body to arrive, against clients that send slowly. */
  bodyTimeoutMs: number;
};

export type Config = {
  port: number;
  host: string;
  http: HttpLimits;
  /** Null serves plain HTTP. */
  tls: TlsFiles | null;
  upstream: UpstreamSettings;
  localEngine: LocalEngineSettings;
};

export class ConfigError extends Error {
  static listing(problems: readonly string[]): ConfigError {
    return new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  let parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    problems.push(
      ...parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
    // Check the rest with the bad variables left out, so that one start-up names every problem.
    const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
    parsed = configSchema.safeParse(
      Object.fromEntries(Object.entries(env).filter(([name]) => !bad.has(name))),
    );
    if (!parsed.success) throw ConfigError.listing(problems);
  }
  const vars = parsed.data;

  let tls: TlsFiles | null = null;
  if (vars.TLS_CERT !== undefined && vars.TLS_KEY !== undefined) {
    tls = { certPath: vars.TLS_CERT, keyPath: vars.TLS_KEY };
  } else if (vars.TLS_CERT !== undefined) {
    problems.push('TLS_KEY: required when TLS_CERT is set (both or neither)');
  } else if (vars.TLS_KEY !== undefined) {
    problems.push('TLS_CERT: required when TLS_KEY is set (both or neither)');
  }

  let upstream: UpstreamSettings = { kind: 'local' };
  if (vars.OCR_UPSTREAM === 'huawei') {
    const huawei = parseHuaweiSettings(vars);
    if (huawei.ok) upstream = { kind: 'huawei', ...huawei.settings };
    else problems.push(...huawei.problems);
  }

  const allow = parseAllowList(vars.OCR_URL_ALLOW ?? '');
  problems.push(...allow.problems.map((problem) => `OCR_URL_ALLOW: ${problem}`));
  const localEngine: LocalEngineSettings = {
    token: vars.OCR_LOCAL_TOKEN ?? null,
    workers: vars.OCR_WORKERS,
    queueLimit: vars.OCR_QUEUE_LIMIT,
    queueWaitMs: vars.OCR_QUEUE_WAIT_MS,
    requestTimeoutMs: vars.OCR_REQUEST_TIMEOUT_MS,
    urlTimeoutMs: vars.OCR_URL_TIMEOUT_MS,
    urlAllowList: allow.allowList,
  };

  if (problems.length > 0) throw ConfigError.listing(problems);
  return {
    port: vars.PORT,
    host: vars.HOST,
    http: { maxUploads: vars.OCR_UPLOAD_LIMIT, bodyTimeoutMs: vars.OCR_BODY_TIMEOUT_MS },
    tls,
    upstream,
    localEngine,
  };
}
