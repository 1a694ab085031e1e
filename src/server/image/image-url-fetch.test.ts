import * as dns from 'node:dns/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ImageBytesLimitError, UrlDownloadError, UrlNotAllowedError } from '../http/api-error.ts';
import { EMPTY_ALLOW_LIST, parseAllowList, type UrlAllowList } from './address-policy.ts';
import { fetchImageUrl, type UrlFetchPolicy } from './image-url-fetch.ts';

// Lets one test stand in for a DNS answer; every other lookup goes to the real resolver.
vi.mock('node:dns/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:dns/promises')>();
  return { ...real, lookup: vi.fn(real.lookup) };
});

const IMAGE = Buffer.from('pretend these are the bytes of a card photo');
const MAX_BYTES = 1024;

let server: Server;
let origin: string;
let port: number;

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    const redirects: Record<string, string> = {
      '/to-image': '/image',
      '/to-private': 'http://10.0.0.7/image',
      '/to-ipv6-loopback': `http://[::1]:${port}/image`,
      '/to-metadata': 'http://169.254.169.254/latest/meta-data/',
      '/loop': '/loop',
      '/to-ftp': 'ftp://files.example.test/card.jpg',
    };
    const location = redirects[path];
    if (location) {
      response.writeHead(302, { location }).end();
    } else if (path === '/image') {
      response.writeHead(200, { 'content-type': 'image/jpeg' }).end(IMAGE);
    } else if (path === '/declared-huge') {
      response.writeHead(200, { 'content-length': String(MAX_BYTES * 10) });
      response.write(Buffer.alloc(10));
    } else if (path === '/streamed-huge') {
      // No Content-Length: the limit must be enforced while the bytes arrive.
      response.writeHead(200, { 'transfer-encoding': 'chunked' });
      for (let i = 0; i < 20; i++) response.write(Buffer.alloc(200));
      response.end();
    } else if (path === '/silent') {
      // Never answers: only the time limit ends this.
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function policy(allowList: UrlAllowList = EMPTY_ALLOW_LIST): UrlFetchPolicy {
  return { allowList, timeoutMs: 2000, maxBytes: MAX_BYTES, maxRedirects: 3 };
}
const LOOPBACK_ALLOWED = parseAllowList('127.0.0.1').allowList;

function fetchFrom(url: string, fetchPolicy = policy()): Promise<Uint8Array> {
  return fetchImageUrl(new URL(url), fetchPolicy, new AbortController().signal);
}

describe('fetchImageUrl refuses addresses inside the network', () => {
  it.each([
    ['IPv4 loopback', 'http://127.0.0.1:1/image'],
    ['a private 10.x address', 'http://10.1.2.3/image'],
    ['a private 192.168.x address', 'http://192.168.1.1/image'],
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['CGNAT space', 'http://100.100.100.200/latest/meta-data/'],
    ['the unspecified address', 'http://0.0.0.0/image'],
    ['multicast', 'http://224.0.0.1/image'],
    ['IPv6 loopback', 'http://[::1]:1/image'],
    ['IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]:1/image'],
    ['IPv4-compatible IPv6 loopback (::/96)', 'http://[::127.0.0.1]:1/image'],
    ['IPv4-compatible IPv6 of a public address (::/96)', 'http://[::8.8.8.8]/image'],
    ['IPv6 unique-local (AWS metadata)', 'http://[fd00:ec2::254]/image'],
    ['IPv6 link-local', 'http://[fe80::1]/image'],
    ['loopback written as one decimal number', 'http://2130706433:1/image'],
    ['a host name that resolves to loopback', 'http://localhost:1/image'],
  ])('%s', async (_label, url) => {
    await expect(fetchFrom(url)).rejects.toBeInstanceOf(UrlNotAllowedError);
  });

  it('refuses schemes other than http and https', async () => {
    await expect(fetchFrom('file:///etc/passwd')).rejects.toBeInstanceOf(UrlNotAllowedError);
  });
});

describe('fetchImageUrl with an operator allow-list', () => {
  it('downloads from an allowed loopback address', async () => {
    const bytes = await fetchFrom(`${origin}/image`, policy(LOOPBACK_ALLOWED));
    expect(Buffer.from(bytes)).toEqual(IMAGE);
  });

  it('allows by host name', async () => {
    const allowList = parseAllowList('localhost').allowList;
    const bytes = await fetchFrom(`http://localhost:${port}/image`, policy(allowList));
    expect(Buffer.from(bytes)).toEqual(IMAGE);
  });

  it('follows a redirect that stays allowed', async () => {
    const bytes = await fetchFrom(`${origin}/to-image`, policy(LOOPBACK_ALLOWED));
    expect(Buffer.from(bytes)).toEqual(IMAGE);
  });

  it.each([
    ['a private address', '/to-private'],
    ['IPv6 loopback', '/to-ipv6-loopback'],
    ['the metadata address', '/to-metadata'],
    ['an ftp URL', '/to-ftp'],
  ])('checks every redirect again: refuses one to %s', async (_label, path) => {
    await expect(fetchFrom(`${origin}${path}`, policy(LOOPBACK_ALLOWED))).rejects.toBeInstanceOf(
      UrlNotAllowedError,
    );
  });

  it('gives up after a few redirects', async () => {
    await expect(fetchFrom(`${origin}/loop`, policy(LOOPBACK_ALLOWED))).rejects.toThrow(
      new UrlDownloadError('the image URL redirected more than 3 times'),
    );
  });

  it('reports an HTTP error status as a failed download', async () => {
    await expect(fetchFrom(`${origin}/missing`, policy(LOOPBACK_ALLOWED))).rejects.toThrow(
      new UrlDownloadError('the image URL answered HTTP 404'),
    );
  });

  it('refuses a body declared larger than the limit without reading it', async () => {
    await expect(
      fetchFrom(`${origin}/declared-huge`, policy(LOOPBACK_ALLOWED)),
    ).rejects.toBeInstanceOf(ImageBytesLimitError);
  });

  it('stops reading a streamed body once it passes the limit', async () => {
    await expect(
      fetchFrom(`${origin}/streamed-huge`, policy(LOOPBACK_ALLOWED)),
    ).rejects.toBeInstanceOf(ImageBytesLimitError);
  });

  it('gives up on a server that does not answer in time', async () => {
    const started = Date.now();
    await expect(
      fetchFrom(`${origin}/silent`, { ...policy(LOOPBACK_ALLOWED), timeoutMs: 300 }),
    ).rejects.toThrow(new UrlDownloadError('the image could not be downloaded within 0.3 s'));
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a refused connection as a failed download', async () => {
    const allowList = parseAllowList('127.0.0.2').allowList;
    await expect(fetchFrom('http://127.0.0.2:1/image', policy(allowList))).rejects.toThrow(
      new UrlDownloadError('the image could not be downloaded (ECONNREFUSED)'),
    );
  });
});

describe('fetchImageUrl pins the checked address', () => {
  it('connects to the address it checked, not to a second DNS answer', async () => {
    // `card-images.test` exists only in this stand-in DNS answer: the connection can only reach
    // the test server if it uses the checked address rather than resolving the name again.
    vi.mocked(dns.lookup).mockResolvedValueOnce([{ address: '127.0.0.1', family: 4 }] as never);
    const bytes = await fetchFrom(
      `http://card-images.test:${port}/image`,
      policy(LOOPBACK_ALLOWED),
    );
    expect(Buffer.from(bytes)).toEqual(IMAGE);
  });

  it('refuses a host when any of its addresses is internal', async () => {
    vi.mocked(dns.lookup).mockResolvedValueOnce([
      { address: '93.184.215.14', family: 4 },
      { address: '10.0.0.8', family: 4 },
    ] as never);
    await expect(fetchFrom('http://mixed.example.test/image')).rejects.toBeInstanceOf(
      UrlNotAllowedError,
    );
  });
});
