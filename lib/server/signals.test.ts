// SIGTERM stops our server in a process of its own (lib/testing/signal-server.ts, the server module
// around a small handler): the request in flight is answered, the app's resources are released, and
// the process exits, so nothing is left answering.
import { type ChildProcess, spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "@/scripts/bench/server";

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

async function startServer() {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "lib/testing/signal-server.ts"], {
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk) => {
      output += chunk.toString();
      if (output.includes("listening")) resolve();
    });
    void exited.then(() => reject(new Error(`the server exited before it listened: ${output}`)));
  });
  return { child, url: `http://127.0.0.1:${port}`, exited, output: () => output };
}

describe("stopping the server with a signal", () => {
  it.each(["SIGTERM", "SIGINT"] as const)(
    "%s answers the request in flight, releases the app's resources and exits 0",
    async (signal) => {
      const server = await startServer();
      const inFlight = fetch(`${server.url}/slow`).then((res) => res.text());
      await new Promise((resolve) => setTimeout(resolve, 200));
      const startedAt = Date.now();
      server.child.kill(signal);
      expect(await inFlight).toBe("done");
      expect(await server.exited).toBe(0);
      expect(Date.now() - startedAt).toBeLessThan(5_000);
      expect(server.output()).toContain("released");
      await expect(fetch(server.url)).rejects.toThrow();
    },
  );

  it("exits at once when idle", async () => {
    const server = await startServer();
    await (await fetch(`${server.url}/`)).text();
    const startedAt = Date.now();
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(Date.now() - startedAt).toBeLessThan(2_000);
  });
});
