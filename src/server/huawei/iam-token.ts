import { UpstreamUnavailableError } from '../http/api-error.ts';
import type { HuaweiAuthSettings } from './huawei-settings.ts';
import { fetchWithin } from './outbound-fetch.ts';

/** Where the proxy's `X-Auth-Token` comes from. */
export type TokenSource = {
  /** A token fit for the next call. */
  token(): Promise<string>;
  /** Whether a refused token can be replaced by a fresh one (worth one retry). */
  readonly refreshable: boolean;
  /** Forgets `token` after the upstream refused it, so the next `token()` fetches another. */
  invalidate(token: string): void;
};

export type IamTokenOptions = {
  timeoutMs: number;
  /** Milliseconds since the epoch; tests move it forward. */
  now?: () => number;
};

type IamSettings = Extract<HuaweiAuthSettings, { kind: 'iam' }>;

/** "Token的有效期为24小时" (https://support.huaweicloud.com/api-iam/iam_30_0001.html). */
const DOCUMENTED_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Renew this long before expiry, so that no call starts with a token about to lapse. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;
/**
 * After IAM refuses the credentials, wait this long before asking again: every attempt with a
 * wrong password counts towards IAM's account lock-out, and a counter sends a request per card.
 */
export const REFUSAL_COOL_DOWN_MS = 60 * 1000;

export function createFixedTokenSource(token: string): TokenSource {
  return {
    token: async () => token,
    refreshable: false,
    invalidate: () => {},
  };
}

/**
 * IAM password authentication ("获取IAM用户Token（使用密码）", `POST /v3/auth/tokens`). The token is
 * cached until shortly before it expires and fetched once however many calls wait for it.
 */
export function createIamTokenSource(settings: IamSettings, options: IamTokenOptions): TokenSource {
  const now = options.now ?? Date.now;
  const upstream = `Huawei Cloud IAM at ${settings.iamBaseUrl}`;
  let cached: { token: string; renewAt: number } | null = null;
  let pending: Promise<string> | null = null;
  let refusal: { failure: UpstreamUnavailableError; until: number } | null = null;

  async function fetchToken(): Promise<string> {
    const requestedAt = now();
    const answer = await fetchWithin(
      // nocatalog leaves out the service catalogue, most of the answer's size.
      `${settings.iamBaseUrl}/v3/auth/tokens?nocatalog=true`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json;charset=utf8' },
        body: JSON.stringify(passwordAuthBody(settings)),
      },
      { upstream, timeoutMs: options.timeoutMs },
    );
    if (answer.status < 200 || answer.status > 299) {
      const failure = new UpstreamUnavailableError(
        `${upstream} refused the proxy's token request (HTTP ${answer.status}); check HUAWEI_IAM_DOMAIN, HUAWEI_IAM_USER, HUAWEI_IAM_PASSWORD and HUAWEI_REGION`,
      );
      if (answer.status >= 400 && answer.status < 500) {
        refusal = { failure, until: now() + REFUSAL_COOL_DOWN_MS };
      }
      throw failure;
    }
    const token = answer.headers.get('x-subject-token');
    if (!token) {
      throw new UpstreamUnavailableError(`${upstream} answered without an X-Subject-Token`);
    }
    refusal = null;
    cached = { token, renewAt: requestedAt + lifetimeOf(answer.text) - REFRESH_MARGIN_MS };
    return token;
  }

  return {
    refreshable: true,
    async token() {
      if (cached && now() < cached.renewAt) return cached.token;
      if (refusal && now() < refusal.until) throw refusal.failure;
      pending ??= fetchToken().finally(() => {
        pending = null;
      });
      return pending;
    },
    invalidate(token) {
      if (cached?.token === token) cached = null;
    },
  };
}

function passwordAuthBody(settings: IamSettings) {
  return {
    auth: {
      identity: {
        methods: ['password'],
        password: {
          user: {
            name: settings.user,
            password: settings.password,
            domain: { name: settings.domain },
          },
        },
      },
      scope: { project: { name: settings.region } },
    },
  };
}

/**
 * How long the token lives, from IAM's own `issued_at` and `expires_at`: their difference does
 * not depend on this machine's clock agreeing with IAM's. Without both, the documented 24 h.
 */
function lifetimeOf(body: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return DOCUMENTED_LIFETIME_MS;
  }
  const token = (parsed as { token?: { issued_at?: unknown; expires_at?: unknown } } | null)?.token;
  const issued = typeof token?.issued_at === 'string' ? Date.parse(token.issued_at) : Number.NaN;
  const expires = typeof token?.expires_at === 'string' ? Date.parse(token.expires_at) : Number.NaN;
  const lifetime = expires - issued;
  return Number.isFinite(lifetime) && lifetime > 0 ? lifetime : DOCUMENTED_LIFETIME_MS;
}
