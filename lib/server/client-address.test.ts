import { describe, expect, it } from "vitest";
import { parseTrustProxy, resolveClientAddress, TrustProxyError } from "./client-address";

const resolve = (socket: string, xff: string | undefined, trust: string | undefined) =>
  resolveClientAddress(socket, xff, parseTrustProxy(trust));

describe("client address without TRUST_PROXY", () => {
  it.each([undefined, "", "0", "false"])("is the socket's peer whatever X-Forwarded-For says (%s)", (trust) => {
    expect(resolve("198.51.100.9", "203.0.113.1", trust)).toBe("198.51.100.9");
    expect(resolve("198.51.100.9", "203.0.113.1, 203.0.113.2", trust)).toBe("198.51.100.9");
  });

  it("spells an IPv4-mapped peer as IPv4, so both spellings share one budget", () => {
    expect(resolve("::ffff:198.51.100.9", undefined, undefined)).toBe("198.51.100.9");
    expect(resolve("::FFFF:198.51.100.9", undefined, undefined)).toBe("198.51.100.9");
  });

  it("is 'unknown' when the socket has no address (it closed)", () => {
    expect(resolveClientAddress(undefined, "203.0.113.1", parseTrustProxy("1"))).toBe("unknown");
  });
});

describe("client address with TRUST_PROXY as a number of hops", () => {
  it("believes the entry the nearest proxy appended, not what the caller sent before it", () => {
    expect(resolve("10.0.0.2", "203.0.113.7", "1")).toBe("203.0.113.7");
    expect(resolve("10.0.0.2", "6.6.6.6, 203.0.113.7", "1")).toBe("203.0.113.7");
  });

  it("walks as many hops as configured", () => {
    expect(resolve("10.0.0.2", "6.6.6.6, 203.0.113.7, 10.0.0.9", "2")).toBe("203.0.113.7");
    expect(resolve("10.0.0.2", "6.6.6.6, 203.0.113.7, 10.0.0.9", "3")).toBe("6.6.6.6");
  });

  it("stops at the first entry when there are fewer entries than hops", () => {
    expect(resolve("10.0.0.2", "203.0.113.7", "5")).toBe("203.0.113.7");
  });

  it("is the socket's peer when there is no X-Forwarded-For", () => {
    expect(resolve("10.0.0.2", undefined, "1")).toBe("10.0.0.2");
    expect(resolve("10.0.0.2", " , ", "1")).toBe("10.0.0.2");
  });

  it("stops at garbage: an entry that is not an address never becomes the client", () => {
    expect(resolve("10.0.0.2", "not-an-ip", "1")).toBe("10.0.0.2");
    expect(resolve("10.0.0.2", "203.0.113.7, 1.2.3.4:80", "2")).toBe("10.0.0.2");
    expect(resolve("10.0.0.2", "<script>, 203.0.113.7", "2")).toBe("203.0.113.7");
    expect(resolve("10.0.0.2", "999.1.1.1", "1")).toBe("10.0.0.2");
  });

  it("takes IPv6 entries and spells mapped ones as IPv4", () => {
    expect(resolve("10.0.0.2", "2001:DB8::1", "1")).toBe("2001:db8::1");
    expect(resolve("10.0.0.2", "::ffff:203.0.113.7", "1")).toBe("203.0.113.7");
  });
});

describe("client address with TRUST_PROXY as a list of proxies", () => {
  it("believes X-Forwarded-For only from a listed address", () => {
    expect(resolve("10.0.0.2", "203.0.113.7", "10.0.0.2")).toBe("203.0.113.7");
    expect(resolve("10.0.0.3", "203.0.113.7", "10.0.0.2")).toBe("10.0.0.3");
  });

  it("matches CIDRs and walks through every trusted proxy", () => {
    const trust = "10.0.0.0/8, 192.168.1.0/24";
    expect(resolve("10.1.2.3", "6.6.6.6, 203.0.113.7, 192.168.1.40", trust)).toBe("203.0.113.7");
    // The caller's own entries are not walked once an untrusted address is reached.
    expect(resolve("10.1.2.3", "10.9.9.9, 203.0.113.7", trust)).toBe("203.0.113.7");
    expect(resolve("11.0.0.1", "203.0.113.7", trust)).toBe("11.0.0.1");
  });

  it("matches IPv6 CIDRs, and IPv4 rules for IPv4-mapped peers", () => {
    expect(resolve("fd00::5", "2001:db8::1", "fd00::/8")).toBe("2001:db8::1");
    expect(resolve("fe00::5", "2001:db8::1", "fd00::/8")).toBe("fe00::5");
    expect(resolve("::ffff:172.18.0.4", "203.0.113.7", "172.16.0.0/12")).toBe("203.0.113.7");
    expect(resolve("::ffff:172.32.0.4", "203.0.113.7", "172.16.0.0/12")).toBe("172.32.0.4");
  });

  it("knows Express's names for private ranges", () => {
    expect(resolve("127.0.0.1", "203.0.113.7", "loopback")).toBe("203.0.113.7");
    expect(resolve("::1", "203.0.113.7", "loopback")).toBe("203.0.113.7");
    expect(resolve("172.20.0.3", "203.0.113.7", "uniquelocal")).toBe("203.0.113.7");
    expect(resolve("203.0.113.1", "6.6.6.6", "uniquelocal")).toBe("203.0.113.1");
  });

  it("stops at garbage", () => {
    expect(resolve("10.0.0.2", "garbage", "10.0.0.0/8")).toBe("10.0.0.2");
  });
});

describe("TRUST_PROXY that cannot be read", () => {
  it.each(["proxy", "10.0.0.0/33", "fd00::/129", "10.0.0.1/8/2", "10.0.0.0/x", "-1", "1.5"])(
    "refuses %s, so a typo stops the start instead of trusting the wrong hops",
    (value) => {
      expect(() => parseTrustProxy(value)).toThrow(TrustProxyError);
    },
  );
});
