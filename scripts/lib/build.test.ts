import { describe, expect, it } from "vitest";
import { runWithProgress } from "./build";

describe("a long build step", () => {
  it("says up front that it takes minutes, then how long it has run while the child runs", async () => {
    const lines: string[] = [];
    const code = await runWithProgress(process.execPath, ["-e", "setTimeout(() => {}, 700)"], {
      label: "Building the app",
      everyMs: 200,
      say: (line) => lines.push(line),
    });
    expect(code).toBe(0);
    expect(lines[0]).toBe("Building the app. The first build takes a few minutes…");
    const progress = lines.slice(1);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    for (const line of progress) expect(line).toMatch(/^ {2}…still building \(\d+ s\)$/);
  });

  it("stops reporting when the child ends and passes its exit code on", async () => {
    const lines: string[] = [];
    const code = await runWithProgress(process.execPath, ["-e", "process.exit(3)"], {
      label: "Building",
      everyMs: 50,
      say: (line) => lines.push(line),
    });
    expect(code).toBe(3);
    const count = lines.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lines.length).toBe(count);
  });
});
