/**
 * Settings of the Huawei Cloud upstream, checked from the environment that `config.ts` hands over.
 * Every problem is collected (never the first one only) and named by its variable; no message
 * ever repeats a variable's value, since some of them are secrets.
 */

export type HuaweiAuthSettings =
  | { kind: 'token'; token: string }
  | {
      kind: 'iam';
      /** Base URL of IAM, without a trailing slash. */
      iamBaseUrl: string;
      domain: string;
      user: string;
      password: string;
      /** The project scope of the token, e.g. `cn-north-4`. */
      region: string;
    };

export type HuaweiSettings = {
  /** Base URL of the OCR service, without a trailing slash. */
  ocrBaseUrl: string;
  projectId: string;
  /** Time limit of each outbound call (IAM and OCR), in milliseconds. */
  timeoutMs: number;
  auth: HuaweiAuthSettings;
};

export type HuaweiEnv = {
  HUAWEI_OCR_ENDPOINT?: string | undefined;
  HUAWEI_PROJECT_ID?: string | undefined;
  HUAWEI_AUTH_TOKEN?: string | undefined;
  HUAWEI_IAM_ENDPOINT?: string | undefined;
  HUAWEI_IAM_DOMAIN?: string | undefined;
  HUAWEI_IAM_USER?: string | undefined;
  HUAWEI_IAM_PASSWORD?: string | undefined;
  HUAWEI_REGION?: string | undefined;
  HUAWEI_TIMEOUT_MS: number;
};

export type HuaweiSettingsResult =
  | { ok: true; settings: HuaweiSettings }
  | { ok: false; problems: string[] };

// Region ids such as `cn-north-4` or `ap-southeast-1`; the region is spliced into IAM's host name.
const REGION_PATTERN = /^[a-z]{2}(-[a-z0-9]+)+$/;
// Huawei project ids are 32 hex digits; allow the usual id alphabet so a fake can use readable ids.
const PROJECT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const HOST_PATTERN =
  /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:\d{1,5})?$/;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The variables of password authentication; with a fixed token, none of them may be set. */
const IAM_VARIABLES = [
  'HUAWEI_IAM_ENDPOINT',
  'HUAWEI_IAM_DOMAIN',
  'HUAWEI_IAM_USER',
  'HUAWEI_IAM_PASSWORD',
] as const;

type EndpointResult = { ok: true; baseUrl: string } | { ok: false; problem: string };

/**
 * A bare host (`ocr.cn-north-4.myhuaweicloud.com`, https assumed) or a full base URL. Plain http
 * is refused except on loopback, because the token travels in a header of every call.
 */
export function parseEndpoint(value: string): EndpointResult {
  if (!value.includes('://')) {
    return HOST_PATTERN.test(value)
      ? { ok: true, baseUrl: `https://${value.toLowerCase()}` }
      : { ok: false, problem: 'is neither a host name nor an http(s) URL' };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, problem: 'is not a valid URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, problem: 'must be an https URL' };
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    return { ok: false, problem: 'must use https (plain http is allowed on loopback only)' };
  }
  if (url.username || url.password) {
    return { ok: false, problem: 'must not carry credentials in the URL' };
  }
  if (url.search || url.hash) {
    return { ok: false, problem: 'must not have a query or fragment' };
  }
  return { ok: true, baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

export function parseHuaweiSettings(env: HuaweiEnv): HuaweiSettingsResult {
  const problems: string[] = [];
  const endpoint = (name: 'HUAWEI_OCR_ENDPOINT' | 'HUAWEI_IAM_ENDPOINT', value: string) => {
    const parsed = parseEndpoint(value);
    if (parsed.ok) return parsed.baseUrl;
    problems.push(`${name}: ${parsed.problem}`);
    return '';
  };

  let ocrBaseUrl = '';
  if (env.HUAWEI_OCR_ENDPOINT === undefined) {
    problems.push('HUAWEI_OCR_ENDPOINT: required when OCR_UPSTREAM=huawei');
  } else {
    ocrBaseUrl = endpoint('HUAWEI_OCR_ENDPOINT', env.HUAWEI_OCR_ENDPOINT);
  }

  if (env.HUAWEI_PROJECT_ID === undefined) {
    problems.push('HUAWEI_PROJECT_ID: required when OCR_UPSTREAM=huawei');
  } else if (!PROJECT_ID_PATTERN.test(env.HUAWEI_PROJECT_ID)) {
    problems.push('HUAWEI_PROJECT_ID: must be a project id (letters, digits, - and _)');
  }

  if (env.HUAWEI_REGION !== undefined && !REGION_PATTERN.test(env.HUAWEI_REGION)) {
    problems.push('HUAWEI_REGION: must be a region id such as cn-north-4');
  }

  const iamSet = IAM_VARIABLES.filter((name) => env[name] !== undefined);
  let auth: HuaweiAuthSettings | null = null;
  if (env.HUAWEI_AUTH_TOKEN !== undefined) {
    // Two sources of credentials would leave it unclear which one is in use: refuse both.
    if (iamSet.length > 0) {
      problems.push(
        `HUAWEI_AUTH_TOKEN: set either a fixed token or password authentication, not both (also set: ${iamSet.join(', ')})`,
      );
    } else {
      auth = { kind: 'token', token: env.HUAWEI_AUTH_TOKEN };
    }
  } else if (iamSet.length === 0) {
    problems.push(
      'HUAWEI_AUTH_TOKEN: required when OCR_UPSTREAM=huawei, unless HUAWEI_IAM_DOMAIN, HUAWEI_IAM_USER, HUAWEI_IAM_PASSWORD and HUAWEI_REGION are set',
    );
  } else {
    const required = ['HUAWEI_IAM_DOMAIN', 'HUAWEI_IAM_USER', 'HUAWEI_IAM_PASSWORD'] as const;
    for (const name of required) {
      if (env[name] === undefined) {
        problems.push(`${name}: required for password authentication`);
      }
    }
    if (env.HUAWEI_REGION === undefined) {
      problems.push('HUAWEI_REGION: required for password authentication (the token scope)');
    }
    const region = env.HUAWEI_REGION ?? '';
    // IAM's regional endpoint: https://support.huaweicloud.com/api-iam/iam_30_0001.html
    const iamBaseUrl =
      env.HUAWEI_IAM_ENDPOINT === undefined
        ? `https://iam.${region}.myhuaweicloud.com`
        : endpoint('HUAWEI_IAM_ENDPOINT', env.HUAWEI_IAM_ENDPOINT);
    auth = {
      kind: 'iam',
      iamBaseUrl,
      domain: env.HUAWEI_IAM_DOMAIN ?? '',
      user: env.HUAWEI_IAM_USER ?? '',
      password: env.HUAWEI_IAM_PASSWORD ?? '',
      region,
    };
  }

  if (problems.length > 0 || auth === null || env.HUAWEI_PROJECT_ID === undefined) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    settings: {
      ocrBaseUrl,
      projectId: env.HUAWEI_PROJECT_ID,
      timeoutMs: env.HUAWEI_TIMEOUT_MS,
      auth,
    },
  };
}
