import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";

/**
 * Makes a fresh clone runnable with no configuration: writes an AUTH_SECRET to .env.local (which
 * Next.js and the scripts load) unless one is configured already. Call after loading the env files.
 */
export function ensureLocalEnv(file = ".env.local") {
  const lines: string[] = [];
  if (!process.env.AUTH_SECRET && !process.env.NEXTAUTH_SECRET) {
    lines.push(`AUTH_SECRET=${randomBytes(32).toString("base64")}`);
  }
  // Self-hosted default: sign-in callback URLs follow the Host header. Set NEXTAUTH_URL instead when
  // the app sits behind a proxy you do not control.
  if (!process.env.NEXTAUTH_URL && !process.env.AUTH_TRUST_HOST) lines.push("AUTH_TRUST_HOST=true");
  if (lines.length === 0) return;
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  const separator = current && !current.endsWith("\n") ? "\n" : "";
  appendFileSync(file, `${separator}# written by the start script\n${lines.join("\n")}\n`);
  console.log(`Wrote ${lines.map((l) => l.split("=")[0]).join(", ")} to ${file}.`);
}
