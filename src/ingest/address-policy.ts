// Which network addresses a fetch may connect to. A URL is judged by the addresses its host RESOLVES to,
// not by how the host is spelled, so "localhost", "127.1" and DNS names pointing inside are all caught.
import { BlockList, isIP } from 'node:net';
import { loadIngestData } from './data.js';

interface RangeFile {
  ranges: Array<{ range: string; label: string }>;
}

const ranges = loadIngestData<RangeFile>('blocked-address-ranges.json').ranges.map(({ range, label }) => {
  const [network, prefix] = range.split('/');
  const family = isIP(network) === 6 ? 'ipv6' : 'ipv4';
  const list = new BlockList();
  list.addSubnet(network, Number(prefix), family);
  return { list, family, label };
});

/** An IPv4-mapped IPv6 address (::ffff:10.0.0.1, ::ffff:a00:1) reaches the IPv4 host it embeds. */
function embeddedIpv4(ip: string): string | null {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (dotted) return dotted[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (!hex) return null;
  const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** The kind of non-public address `ip` is ("loopback", "private", ...), or null for a public address. */
export function restrictedAddressKind(ip: string): string | null {
  const unscoped = ip.replace(/%.*$/, ''); // fe80::1%eth0: the zone names an interface, not an address
  const address = embeddedIpv4(unscoped) ?? unscoped;
  const family = isIP(address) === 6 ? 'ipv6' : isIP(address) === 4 ? 'ipv4' : null;
  if (family === null) return 'unparseable';
  for (const range of ranges) if (range.family === family && range.list.check(address, family)) return range.label;
  return null;
}

export function refusalReason(ip: string, kind: string): string {
  return `refused ${kind} address ${ip} (use --allow-private)`;
}
