// Which addresses a webhook may be sent to. In production, addresses that reach the server's own
// machine or network (loopback, private, link-local, unique-local, carrier-grade NAT, unspecified,
// multicast, reserved, documentation) are refused unless WEBHOOK_ALLOW_PRIVATE=1, so an endpoint
// cannot make the server probe its neighbours (SSRF). Every address a name resolves to is checked,
// at registration and again when sending (the connection then goes to the address just checked, so
// a name cannot change its answer in between); IPv6 forms that carry an IPv4 address (::ffff:a.b.c.d,
// NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by that IPv4 address.
import { isIP } from "node:net";

/** Whether private targets are allowed: outside production mode always, else with WEBHOOK_ALLOW_PRIVATE=1. */
export function privateTargetsAllowed(): boolean {
  return process.env.NODE_ENV !== "production" || process.env.WEBHOOK_ALLOW_PRIVATE === "1";
}

function parseIPv4(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = value * 256 + n;
  }
  return value;
}

/** An IPv6 address as a 128-bit number (a zone `%eth0` is ignored); undefined if it is not one. */
function parseIPv6(text: string): bigint | undefined {
  let address = text.split("%")[0] as string;
  if (isIP(address) !== 6) return undefined;
  // A trailing dotted IPv4 part becomes two groups.
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted) {
    const v4 = parseIPv4(dotted[2] as string);
    if (v4 === undefined) return undefined;
    address = `${dotted[1]}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head, tail] = address.includes("::") ? (address.split("::") as [string, string]) : [address, undefined];
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  const missing = 8 - front.length - back.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return undefined;
  const all = [...front, ...Array(missing).fill("0"), ...back];
  return all.reduce((acc, group) => (acc << 16n) | BigInt(Number.parseInt(group, 16)), 0n);
}

type V4Range = [base: number, bits: number];
const V4_BLOCKED: V4Range[] = [
  [0x00000000, 8], // 0.0.0.0/8 "this network" (0.0.0.0 reaches the local machine)
  [0x0a000000, 8], // 10.0.0.0/8 private
  [0x64400000, 10], // 100.64.0.0/10 carrier-grade NAT
  [0x7f000000, 8], // 127.0.0.0/8 loopback
  [0xa9fe0000, 16], // 169.254.0.0/16 link-local (cloud metadata services)
  [0xac100000, 12], // 172.16.0.0/12 private
  [0xc0000000, 24], // 192.0.0.0/24 IETF protocol assignments
  [0xc0000200, 24], // 192.0.2.0/24 documentation
  [0xc0586300, 24], // 192.88.99.0/24 6to4 relay anycast
  [0xc0a80000, 16], // 192.168.0.0/16 private
  [0xc6120000, 15], // 198.18.0.0/15 benchmarking
  [0xc6336400, 24], // 198.51.100.0/24 documentation
  [0xcb007100, 24], // 203.0.113.0/24 documentation
  [0xe0000000, 4], // 224.0.0.0/4 multicast
  [0xf0000000, 4], // 240.0.0.0/4 reserved, and the broadcast address
];

function v4Blocked(value: number): boolean {
  return V4_BLOCKED.some(([base, bits]) => {
    const size = 2 ** (32 - bits);
    return value >= base && value < base + size;
  });
}

const v6 = (text: string) => parseIPv6(text) as bigint;
type V6Range = [base: bigint, bits: number];
const V6_BLOCKED: V6Range[] = [
  [v6("::"), 96], // unspecified, loopback and the deprecated IPv4-compatible addresses
  [v6("64:ff9b:1::"), 48], // local-use NAT64
  [v6("100::"), 64], // discard-only
  [v6("2001::"), 23], // IETF protocol assignments (Teredo, benchmarking, ORCHID …)
  [v6("2001:db8::"), 32], // documentation
  [v6("3fff::"), 20], // documentation
  [v6("fc00::"), 7], // unique local
  [v6("fe80::"), 10], // link-local
  [v6("fec0::"), 10], // site-local (deprecated)
  [v6("ff00::"), 8], // multicast
];

const inV6 = (value: bigint, [base, bits]: V6Range) => value >> BigInt(128 - bits) === base >> BigInt(128 - bits);

/** The IPv4 address an IPv6 one carries (mapped, NAT64, 6to4), if any. */
function embeddedIPv4(value: bigint): number | undefined {
  if (inV6(value, [v6("::ffff:0:0"), 96])) return Number(value & 0xffffffffn);
  if (inV6(value, [v6("64:ff9b::"), 96])) return Number(value & 0xffffffffn);
  if (inV6(value, [v6("2002::"), 16])) return Number((value >> 80n) & 0xffffffffn);
  return undefined;
}

/**
 * Whether the address (IPv4 or IPv6 text, as from DNS or a URL without brackets) is one a webhook
 * may not reach in production. Text that is not an IP address counts as blocked.
 */
export function isBlockedAddress(address: string): boolean {
  const four = parseIPv4(address);
  if (four !== undefined) return v4Blocked(four);
  const six = parseIPv6(address);
  if (six === undefined) return true;
  const carried = embeddedIPv4(six);
  if (carried !== undefined) return v4Blocked(carried);
  return V6_BLOCKED.some((range) => inV6(six, range));
}

/** The host of a URL as an IP address, when it is one (brackets of an IPv6 literal removed). */
export function ipLiteral(hostname: string): string | undefined {
  const host = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return isIP(host) ? host : undefined;
}
