import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, openPglite } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { verifyPassword } from "@/lib/auth/password";

// The script runs as a user would run it: a separate process on the same database. On PGlite that
// means a data folder on disk, which this process closes while the script holds it.
const usesPostgres = Boolean(process.env.DATABASE_URL);
const dataDir = mkdtempSync(path.join(tmpdir(), "create-staff-"));

function createStaff(args: string[], env: Record<string, string | undefined> = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/create-staff.ts", ...args], {
    env: { ...process.env, ...(usesPostgres ? {} : { PGLITE_DATA_DIR: dataDir }), ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

beforeAll(async () => {
  if (!usesPostgres) {
    await closeDb();
    process.env.PGLITE_DATA_DIR = dataDir;
  }
});

afterAll(async () => {
  await closeDb();
  rmSync(dataDir, { recursive: true, force: true });
});

// Each case starts real processes that open the database: generous limits for a busy CI machine.
describe("npm run create-staff", { timeout: 180_000 }, () => {
  const email = `boss-${Date.now()}@example.test`;

  it("creates a manager, then updates role and password of the same email", async () => {
    const created = createStaff([
      "--role",
      "manager",
      "--email",
      email,
      "--password",
      "first-password",
      "--name",
      "Boss",
    ]);
    expect(created.err).toBe("");
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/Created manager/);

    const updated = createStaff([
      "--role",
      "admin",
      "--email",
      email.toUpperCase(),
      "--password",
      "second-password",
      "--name",
      "Desk",
    ]);
    expect(updated.code).toBe(0);
    expect(updated.out).toMatch(/Updated .*manager -> admin/);

    const user = await findUserByEmail(email);
    expect(user).toMatchObject({ role: "admin", name: "Desk" });
    expect(await verifyPassword(user?.passwordHash ?? "", "second-password")).toBe(true);
    await closeDb();
  });

  it("refuses bad input with a clear message, a non-zero exit and no account", async () => {
    const badEmail = `bad-${Date.now()}@example.test`;
    const cases = [
      [
        ["--role", "client", "--email", badEmail, "--password", "long-enough", "--name", "X"],
        /Role must be manager, admin or worker/,
      ],
      [["--role", "admin", "--email", badEmail, "--password", "short", "--name", "X"], /at least 8 characters/],
      [["--role", "admin", "--email", "not-an-email", "--password", "long-enough", "--name", "X"], /valid email/],
      [["--role", "admin", "--email", badEmail, "--password", "long-enough"], /--name/],
      [["--role", "admin", "--bogus", "1"], /Unknown option/],
    ] as const;
    for (const [args, message] of cases) {
      const run = createStaff([...args]);
      expect(run.code).toBe(1);
      expect(run.err).toMatch(message);
      expect(run.err).toMatch(/usage: npm run create-staff/);
    }
    expect(await findUserByEmail(badEmail)).toBeUndefined();
    await closeDb();
  });

  it("exits with a clear message when the embedded database is in use by another process", async () => {
    const heldDir = mkdtempSync(path.join(tmpdir(), "held-"));
    const held = await openPglite(heldDir);
    try {
      const run = createStaff(
        ["--role", "admin", "--email", "x@example.test", "--password", "long-enough", "--name", "X"],
        { DATABASE_URL: "", PGLITE_DATA_DIR: heldDir },
      );
      expect(run.code).toBe(1);
      expect(run.err).toMatch(/in use by another process/);
    } finally {
      await held.close();
      rmSync(heldDir, { recursive: true, force: true });
    }
  });
});
