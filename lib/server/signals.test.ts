// SIGTERM stops our server in a process of its own (testing/signal-server.ts, the server module
// around a small handler): the request in flight is answered, the app's resources are released, and
// the process exits, so nothing is left answering.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "@/scripts/bench/server";

const children: ChildProcess[] = [];
// Each server runs in a process group of its own, so whatever a failed test leaves behind (a server
// orphaned by its npm) is killed with it.
afterEach(() => {
  for (const child of children.splice(0)) {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      // The group is gone already.
    }
  }
});

const ownCommand = (): [string, string[]] => [process.execPath, ["--import", "tsx", "testing/signal-server.ts"]];

async function startServer([command, args] = ownCommand()) {
  const port = await freePort();
  const child = spawn(command, args, {
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
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

  it("SIGTERM to npm's PID reaches the server the way `npm start` runs it, and nothing is left running", async () => {
    // package.json's own start command, with the small server in place of scripts/start.ts: a shell
    // or tsx CLI in between would die of the signal and leave the server running, answering.
    const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    const command = scripts.start?.replace("scripts/start.ts", "testing/signal-server.ts") ?? "";
    expect(command).toContain("testing/signal-server.ts");
    const server = await startServer(["npm", ["exec", "--offline", "--no", "-c", command]]);
    const inFlight = fetch(`${server.url}/slow`).then((res) => res.text());
    await new Promise((resolve) => setTimeout(resolve, 200));
    server.child.kill("SIGTERM");
    expect(await inFlight).toBe("done");
    await server.exited;
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect(fetch(server.url)).rejects.toThrow();
    expect(server.output()).toContain("released");
  });
});
