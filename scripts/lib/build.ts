import { spawn } from "node:child_process";

/**
 * Runs a long build step, saying before it starts that it takes minutes and then its elapsed time
 * every `everyMs`: `next build` prints nothing for minutes when its output is not a terminal, and a
 * silent first start looks hung. Resolves with the child's exit code.
 */
export async function runWithProgress(
  command: string,
  args: string[],
  { label, everyMs = 15_000, say = console.log }: { label: string; everyMs?: number; say?: (line: string) => void },
): Promise<number> {
  say(`${label}. The first build takes a few minutes…`);
  const startedAt = Date.now();
  const child = spawn(command, args, { stdio: "inherit" });
  const ticker = setInterval(
    () => say(`  …still building (${Math.round((Date.now() - startedAt) / 1000)} s)`),
    everyMs,
  );
  try {
    return await new Promise<number>((resolve) => {
      child.on("error", () => resolve(1));
      child.on("exit", (status) => resolve(status ?? 1));
    });
  } finally {
    clearInterval(ticker);
  }
}
