// Which address a request came from, given the socket's peer and X-Forwarded-For, under TRUST_PROXY
// (the semantics of Express's "trust proxy"): a number is how many proxies in front of the app to
// believe, a list names the proxies by address or CIDR. Unset, the socket's peer is the client and
// X-Forwarded-For is ignored, so a caller that talks to the app directly cannot choose its address.
import { BlockList, isIP } from "node:net";

export type TrustProxy =
  | { kind: "none" }
  | { kind: "hops"; hops: number }
  | { kind: "list"; list: BlockList; text: string };

/** Names for the usual private ranges, as Express accepts them. */
const NAMED_RANGES: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
  uniquelocal: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

export class TrustProxyError extends Error {}

function addEntry(list: BlockList, entry: string) {
  const [address = "", prefixText, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) throw new TrustProxyError(`TRUST_PROXY: "${entry}" is not an address or CIDR.`);
  const type = family === 4 ? "ipv4" : "ipv6";
  if (prefixText === undefined) return list.addAddress(address, type);
  const prefix = Number(prefixText);
  if (!/^\d{1,3}$/.test(prefixText) || prefix > (family === 4 ? 32 : 128)) {
    throw new TrustProxyError(`TRUST_PROXY: "${entry}" has an invalid prefix length.`);
  }
  list.addSubnet(address, prefix, type);
}

/** Reads TRUST_PROXY; throws TrustProxyError on anything it cannot read, so a typo stops the start. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? "";
  if (text === "" || text === "0" || text.toLowerCase() === "false") return { kind: "none" };
  if (/^\d+$/.test(text)) return { kind: "hops", hops: Number(text) };
  const list = new BlockList();
  for (const raw of text.split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    for (const range of NAMED_RANGES[entry.toLowerCase()] ?? [entry]) addEntry(list, range);
  }
  return { kind: "list", list, text };
}

/** `::ffff:1.2.3.4` and `1.2.3.4` are one client: one spelling, so they share one budget. */
function normalize(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address.toLowerCase();
}

function isTrusted(trust: TrustProxy, address: string, hop: number): boolean {
  if (trust.kind === "hops") return hop < trust.hops;
  if (trust.kind === "none") return false;
  const family = isIP(address);
  // BlockList matches an IPv4-mapped IPv6 address against IPv4 rules too.
  return family !== 0 && trust.list.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: walks from the socket's peer back through X-Forwarded-For (each proxy
 * appends the address it saw) while the current hop is trusted. An entry that is not an address
 * ends the walk at the last real one: garbage can only come from the untrusted caller.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trust: TrustProxy,
): string {
  let client = normalize(socketAddress ?? "");
  if (!client) return "unknown";
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .reverse();
  for (let hop = 0; hop < chain.length && isTrusted(trust, client, hop); hop++) {
    const next = chain[hop] ?? "";
    if (isIP(next) === 0) break;
    client = normalize(next);
  }
  return client;
}
