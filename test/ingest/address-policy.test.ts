import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusalReason, restrictedAddressKind } from '../../src/ingest/address-policy.js';

describe('address policy', () => {
  it('classifies non-public IPv4 and IPv6 addresses', () => {
    const cases: Array<[string, string | null]> = [
      ['10.0.0.1', 'private'],
      ['172.16.5.4', 'private'],
      ['172.32.0.1', null],
      ['192.168.1.1', 'private'],
      ['100.64.0.1', 'shared (CGNAT)'],
      ['100.128.0.1', null],
      ['127.0.0.1', 'loopback'],
      ['127.8.9.10', 'loopback'],
      ['169.254.169.254', 'link-local'],
      ['0.0.0.0', 'unspecified'],
      ['224.0.0.251', 'multicast'],
      ['255.255.255.255', 'reserved'],
      ['8.8.8.8', null],
      ['::', 'unspecified'],
      ['::1', 'loopback'],
      ['fc00::1', 'private'],
      ['fd12:3456::1', 'private'],
      ['fe80::1', 'link-local'],
      ['ff02::1', 'multicast'],
      ['::ffff:10.0.0.1', 'private'],
      ['::ffff:7f00:1', 'loopback'],
      ['2001:4860:4860::8888', null],
      ['not an address', 'unparseable'],
    ];
    assert.deepEqual(cases.map(([ip]) => [ip, restrictedAddressKind(ip)]), cases);
  });

  it('words the refusal with the flag that lifts it', () => {
    assert.equal(refusalReason('10.0.0.1', 'private'), 'refused private address 10.0.0.1 (use --allow-private)');
  });
});
