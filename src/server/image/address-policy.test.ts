import { describe, expect, it } from 'vitest';
import { addressRefusal, EMPTY_ALLOW_LIST, parseAllowList } from './address-policy.ts';

describe('addressRefusal', () => {
  it.each([
    ['::7f00:1', 'ipv4Compatible'],
    ['::808:808', 'ipv4Compatible'],
    ['::2', 'ipv4Compatible'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'loopback'],
  ])('refuses %s (%s)', (address, range) => {
    expect(addressRefusal(address, EMPTY_ALLOW_LIST)).toBe(range);
  });

  it('lets public addresses through', () => {
    expect(addressRefusal('8.8.8.8', EMPTY_ALLOW_LIST)).toBeNull();
    expect(addressRefusal('2001:4860:4860::8888', EMPTY_ALLOW_LIST)).toBeNull();
    expect(addressRefusal('::ffff:8.8.8.8', EMPTY_ALLOW_LIST)).toBeNull();
  });

  it('lets an allow-listed network through', () => {
    expect(addressRefusal('::7f00:1', parseAllowList('::/96').allowList)).toBeNull();
  });
});
