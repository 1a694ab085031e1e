import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, request } from 'undici';
import {
  ImageBytesLimitError,
  RequestFailure,
  UrlDownloadError,
  UrlNotAllowedError,
} from '../http/api-error.ts';
import {
  addressRefusal,
  isAllowedHost,
  literalAddress,
  type UrlAllowList,
} from './address-policy.ts';

export type UrlFetchPolicy = {
  allowList: UrlAllowList;
  /** For the whole download: every DNS lookup, connection, redirect and byte of the body. */
  timeoutMs: number;
  /** The API's size limit in bytes of image file (not of base64). */
  maxBytes: number;
  maxRedirects: number;
};

/** Enough for an object store's or CDN's usual hop or two, too few for a redirect loop. */
export const MAX_URL_REDIRECTS = 3;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Downloads the image behind the request's `url` parameter without letting a caller reach this
 * machine's own network: each hop's host is resolved, every address it resolves to is checked,
 * and the connection is pinned to exactly those addresses, so a DNS answer that changes between
 * check and connect (rebinding) is never used. Redirects are followed by hand, each one checked
 * the same way.
 */
export async function fetchImageUrl(
  url: URL,
  policy: UrlFetchPolicy,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const deadline = AbortSignal.timeout(policy.timeoutMs);
  const fetchSignal = AbortSignal.any([signal, deadline]);
  try {
    let current = url;
    for (let redirects = 0; ; redirects++) {
      const addresses = await checkedAddresses(current, policy.allowList, fetchSignal);
      const hop = await fetchHop(current, addresses, policy.maxBytes, fetchSignal);
      if (hop.kind === 'image') return hop.bytes;
      if (redirects >= policy.maxRedirects) {
        throw new UrlDownloadError(
          `the image URL redirected more than ${policy.maxRedirects} times`,
        );
      }
      current = hop.location;
    }
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    if (deadline.aborted) {
      throw new UrlDownloadError(
        `the image could not be downloaded within ${policy.timeoutMs / 1000} s`,
      );
    }
    if (error instanceof RequestFailure) throw error;
    throw new UrlDownloadError(
      `the image could not be downloaded (${describeNetworkError(error)})`,
      {
        cause: error,
      },
    );
  }
}

async function checkedAddresses(
  url: URL,
  allowList: UrlAllowList,
  signal: AbortSignal,
): Promise<LookupAddress[]> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UrlNotAllowedError('only http and https URLs can be fetched');
  }
  const literal = literalAddress(url.hostname);
  const addresses = literal
    ? [{ address: literal, family: isIP(literal) }]
    : await resolveHost(url.hostname, signal);
  if (isAllowedHost(url.hostname, allowList)) return addresses;
  for (const { address } of addresses) {
    const refusal = addressRefusal(address, allowList);
    if (refusal !== null) {
      throw new UrlNotAllowedError(
        `the image URL leads to a ${refusal} address, which is not allowed`,
      );
    }
  }
  return addresses;
}

async function resolveHost(hostname: string, signal: AbortSignal): Promise<LookupAddress[]> {
  signal.throwIfAborted();
  // dns.lookup cannot be cancelled; stop waiting for it when the signal fires.
  let onAbort = () => {};
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([lookup(hostname, { all: true, verbatim: true }), aborted]);
  } catch (error) {
    if (signal.aborted) throw error;
    throw new UrlDownloadError(`the image URL's host ${hostname} could not be resolved`, {
      cause: error,
    });
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** Hands the connection exactly the addresses that were checked, whatever it asks for. */
function pinnedLookup(addresses: readonly LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = typeof options.family === 'number' ? options.family : 0;
    const usable = addresses.filter((entry) => family === 0 || entry.family === family);
    const first = usable[0];
    if (!first) {
      callback(
        Object.assign(new Error('no checked address of the wanted family'), { code: 'ENOTFOUND' }),
        '',
      );
    } else if (options.all) {
      callback(null, usable);
    } else {
      callback(null, first.address, first.family);
    }
  };
}

type Hop = { kind: 'image'; bytes: Uint8Array } | { kind: 'redirect'; location: URL };

async function fetchHop(
  url: URL,
  addresses: readonly LookupAddress[],
  maxBytes: number,
  signal: AbortSignal,
): Promise<Hop> {
  const agent = new Agent({ connect: { lookup: pinnedLookup(addresses) }, connections: 1 });
  try {
    const response = await request(url, {
      method: 'GET',
      dispatcher: agent,
      signal,
      headers: { accept: 'image/*' },
    });
    if (REDIRECT_STATUSES.has(response.statusCode)) {
      await response.body.dump();
      const location = response.headers.location;
      if (typeof location !== 'string' || !URL.canParse(location, url)) {
        throw new UrlDownloadError('the image URL redirected without a valid Location');
      }
      return { kind: 'redirect', location: new URL(location, url) };
    }
    if (response.statusCode < 200 || response.statusCode > 299) {
      await response.body.dump();
      throw new UrlDownloadError(`the image URL answered HTTP ${response.statusCode}`);
    }
    const declared = Number(response.headers['content-length']);
    if (declared > maxBytes) {
      response.body.destroy();
      throw tooLarge(maxBytes);
    }
    const chunks: Buffer[] = [];
    let received = 0;
    for await (const chunk of response.body) {
      received += (chunk as Buffer).length;
      if (received > maxBytes) {
        response.body.destroy();
        throw tooLarge(maxBytes);
      }
      chunks.push(chunk as Buffer);
    }
    return { kind: 'image', bytes: Buffer.concat(chunks, received) };
  } finally {
    await agent.destroy();
  }
}

function tooLarge(maxBytes: number): ImageBytesLimitError {
  return new ImageBytesLimitError(`the image at the URL is larger than ${maxBytes} bytes`);
}

/** A system error code such as ECONNREFUSED says enough; the rest of the message may not. */
function describeNetworkError(error: unknown): string {
  const code =
    error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null;
  return code ?? 'network error';
}
