import { describe, expect, it } from "vitest";
import { describeAddress, listenAddress } from "./next-server";

describe("where the server listens", () => {
  it("is loopback on port 3000 by default, so the printed demo passwords stay on this machine", () => {
    expect(listenAddress([], {})).toEqual({ host: "127.0.0.1", port: 3000 });
  });

  it("takes HOST and PORT", () => {
    expect(listenAddress([], { HOST: "0.0.0.0", PORT: "4000" })).toEqual({ host: "0.0.0.0", port: 4000 });
  });

  it("takes -p/--port and -H/--hostname as `next start` does, before the environment", () => {
    expect(listenAddress(["-p", "4000"], { PORT: "5000" })).toEqual({ host: "127.0.0.1", port: 4000 });
    expect(listenAddress(["--port", "4001", "--hostname", "::"], {})).toEqual({ host: "::", port: 4001 });
    expect(listenAddress(["-H", "0.0.0.0"], { HOST: "127.0.0.1" })).toEqual({ host: "0.0.0.0", port: 3000 });
  });

  it.each([["-p", "abc"], ["-p", "70000"], ["--nope"]])("refuses %s", (...args) => {
    expect(() => listenAddress(args, {})).toThrow();
  });

  it("says how to reach it", () => {
    const local = " (this machine only; HOST=0.0.0.0 opens it to the network)";
    expect(describeAddress({ host: "127.0.0.1", port: 3000 })).toBe(`http://127.0.0.1:3000${local}`);
    expect(describeAddress({ host: "0.0.0.0", port: 80 })).toBe("http://localhost:80 (on every network interface)");
    expect(describeAddress({ host: "::1", port: 3000 })).toBe(`http://[::1]:3000${local}`);
    expect(describeAddress({ host: "192.0.2.10", port: 3000 })).toBe("http://192.0.2.10:3000");
  });
});
