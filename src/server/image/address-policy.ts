import ipaddr from 'ipaddr.js';

type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;
type Network = readonly [IpAddress, number];

/**
 * Where the `url` parameter may lead besides the public internet. Operators list host names
 * (matched exactly) and networks (CIDR, or a bare address for one host) in `OCR_URL_ALLOW`.
 */
export type UrlAllowList = {
  hosts: readonly string[];
  networks: readonly Network[];
};

export const EMPTY_ALLOW_LIST: UrlAllowList = { hosts: [], networks: [] };

// RFC 1123 host names: dot-separated labels of letters, digits and inner hyphens.
const HOST_NAME =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Reads a comma-separated allow-list; every entry that is neither a host nor a network is named. */
export function parseAllowList(text: string): { allowList: UrlAllowList; problems: string[] } {
  const hosts: string[] = [];
  const networks: Network[] = [];
  const problems: string[] = [];
  for (const entry of text.split(',').map((part) => part.trim().toLowerCase())) {
    if (entry === '') continue;
    const unbracketed = entry.replace(/^\[(.*)\]$/, '$1');
    if (ipaddr.isValidCIDR(unbracketed)) {
      networks.push(ipaddr.parseCIDR(unbracketed));
    } else if (ipaddr.isValid(unbracketed)) {
      const address = ipaddr.parse(unbracketed);
      networks.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (HOST_NAME.test(entry)) {
      hosts.push(entry);
    } else {
      problems.push(`"${entry}" is neither a host name nor an IP address or CIDR network`);
    }
  }
  return { allowList: { hosts, networks }, problems };
}

/** The WHATWG URL parser has already lower-cased the host name and put IPv6 in brackets. */
export function isAllowedHost(hostname: string, allowList: UrlAllowList): boolean {
  return allowList.hosts.includes(hostname);
}

/** A literal IP address in a URL's host (IPv6 in brackets), or null for a host name. */
export function literalAddress(hostname: string): string | null {
  const unbracketed = hostname.replace(/^\[(.*)\]$/, '$1');
  return ipaddr.isValid(unbracketed) ? unbracketed : null;
}

/**
 * Why an address must not be fetched from, or null when it may be. Only ipaddr.js's `unicast`
 * (globally routable) range passes: loopback, private, link-local (cloud metadata lives at
 * 169.254.169.254), CGNAT, multicast, unspecified, unique-local IPv6 and the tunnelling ranges
 * that can embed a private IPv4 address (6to4, Teredo, NAT64) all fail, and so does the
 * deprecated IPv4-compatible form (::127.0.0.1). IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged
 * as the IPv4 address it carries.
 */
export function addressRefusal(address: string, allowList: UrlAllowList): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const ip = ipaddr.process(address);
  if (
    allowList.networks.some(
      ([network, bits]) => network.kind() === ip.kind() && ip.match(network, bits),
    )
  ) {
    return null;
  }
  if (isIpv4Compatible(ip)) return 'ipv4Compatible';
  const range = ip.range();
  return range === 'unicast' ? null : range;
}

/**
 * The IPv4-compatible IPv6 addresses (::/96, `::7f00:1` as URLs and DNS write ::127.0.0.1):
 * deprecated by RFC 4291 section 2.5.5.1 and never globally routed, but ipaddr.js calls them
 * unicast. `::` and `::1` are left to their own ranges.
 */
function isIpv4Compatible(ip: IpAddress): boolean {
  if (ip.kind() !== 'ipv6') return false;
  const parts = (ip as ipaddr.IPv6).parts;
  return parts.slice(0, 6).every((part) => part === 0) && (parts[6] !== 0 || (parts[7] ?? 0) > 1);
}
