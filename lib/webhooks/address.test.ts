import { afterEach, describe, expect, it, vi } from "vitest";
import { ipLiteral, isBlockedAddress, privateTargetsAllowed } from "./address";

describe("isBlockedAddress", () => {
  it.each([
    // IPv4 private, loopback, link-local, CGNAT, unspecified, reserved
    "10.0.0.1",
    "10.255.255.255",
    "172.16.0.1",
    "172.20.10.5",
    "172.31.255.255",
    "192.168.0.1",
    "192.168.255.254",
    "127.0.0.1",
    "127.1.2.3",
    "127.255.255.255",
    "169.254.169.254",
    "169.254.0.1",
    "0.0.0.0",
    "0.1.2.3",
    "100.64.0.1",
    "100.127.255.255",
    "192.0.0.8",
    "192.0.2.10",
    "198.18.0.1",
    "198.51.100.7",
    "203.0.113.9",
    "224.0.0.1",
    "239.255.255.250",
    "240.0.0.1",
    "255.255.255.255",
    // IPv6 loopback, unspecified, ULA, link-local, site-local, multicast, documentation
    "::1",
    "::",
    "0:0:0:0:0:0:0:1",
    "fc00::1",
    "fd12:3456:789a::1",
    "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
    "fe80::1",
    "fe80::1%eth0",
    "febf::1",
    "fec0::1",
    "ff02::1",
    "2001:db8::1",
    "100::1",
    // IPv6 forms carrying a blocked IPv4 address
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.1.2.3",
    "::ffff:192.168.1.1",
    "::ffff:169.254.169.254",
    "0:0:0:0:0:ffff:a9fe:a9fe",
    "64:ff9b::10.0.0.1",
    "64:ff9b::7f00:1",
    "2002:7f00:1::1",
    "2002:c0a8:101::",
    "::127.0.0.1",
    // not an address at all
    "localhost",
    "",
    "1.2.3",
    "256.1.1.1",
  ])("blocks %s", (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "93.184.216.34",
    "9.255.255.255",
    "11.0.0.1",
    "100.63.255.255",
    "100.128.0.1",
    "126.255.255.255",
    "128.0.0.1",
    "169.253.255.255",
    "169.255.0.1",
    "172.15.255.255",
    "172.32.0.1",
    "192.167.255.255",
    "192.169.0.1",
    "223.255.255.255",
    "2606:4700:4700::1111",
    "2001:4860:4860::8888",
    "2a00:1450:4001:82a::200e",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:808:808::1",
    "fbff::1",
    "fe00::1",
  ])("allows %s", (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });
});

describe("ipLiteral", () => {
  it("reads the host of a URL as an address when it is one", () => {
    expect(ipLiteral(new URL("http://127.0.0.1:8080/x").hostname)).toBe("127.0.0.1");
    expect(ipLiteral(new URL("http://[::1]/x").hostname)).toBe("::1");
    expect(ipLiteral(new URL("http://[::ffff:127.0.0.1]/").hostname)).toBe("::ffff:7f00:1");
    // The URL parser turns other IPv4 notations into dotted quads first.
    expect(ipLiteral(new URL("http://2130706433/").hostname)).toBe("127.0.0.1");
    expect(ipLiteral(new URL("http://0x7f.1/").hostname)).toBe("127.0.0.1");
    expect(ipLiteral(new URL("http://example.com/").hostname)).toBeUndefined();
  });
});

describe("privateTargetsAllowed", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("allows private targets outside production, and in production only with WEBHOOK_ALLOW_PRIVATE=1", () => {
    vi.stubEnv("NODE_ENV", "test");
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "");
    expect(privateTargetsAllowed()).toBe(true);
    vi.stubEnv("NODE_ENV", "production");
    expect(privateTargetsAllowed()).toBe(false);
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "1");
    expect(privateTargetsAllowed()).toBe(true);
  });
});
