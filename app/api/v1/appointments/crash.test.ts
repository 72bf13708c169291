// Nothing a user was told is booked is ever lost: a real server process is killed with SIGKILL in
// the middle of a stream of bookings and started again; every booking it answered 201 for is there.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments, auditLog } from "@/db/schema";
import { makeClient, makeLocation, makeService, makeShift, makeWorker, userWithToken } from "@/testing/fixtures";

const onPostgres = Boolean(process.env.TEST_SERVER_DATABASE_URL);
let base = "";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let server: ChildProcess | undefined;

/** A port nothing listens on, found by letting the system pick one. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Starts testing/route-server.ts on this file's database and waits for its health check. */
async function startServer(): Promise<ChildProcess> {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "testing/route-server.ts"], {
    env: { ...process.env, PORT: String(port), DATABASE_POOL_SIZE: "10" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`route server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGKILL");
  throw new Error("route server did not answer within 60 s");
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) await killed(server);
});

describe.runIf(onPostgres)("a server killed mid-load", () => {
  it("keeps every booking it answered 201 for", { timeout: 180_000 }, async () => {
    const location = await makeLocation();
    const service = await makeService({ durationMinutes: 10 });
    const worker = await makeWorker({ locationId: location.id }, [service.id]);
    const start = new Date(Math.ceil(Date.now() / HOUR) * HOUR + HOUR);
    await makeShift({
      workerId: worker.id,
      locationId: location.id,
      startAt: start,
      endAt: new Date(start.getTime() + 200 * HOUR),
    });
    const admin = await userWithToken("admin");
    const client = await makeClient();
    server = await startServer();

    const confirmed: string[] = [];
    let next = 0;
    let stopped = false;
    // Eight callers book distinct ten-minute slots one after another until the server dies.
    const caller = async () => {
      while (!stopped) {
        const slot = next++;
        try {
          const res = await fetch(`${base}/api/v1/appointments`, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${admin.token}` },
            body: JSON.stringify({
              workerId: worker.id,
              serviceId: service.id,
              clientId: client.id,
              start: new Date(start.getTime() + slot * 10 * MINUTE).toISOString(),
            }),
          });
          const body = (await res.json()) as { id?: string };
          if (res.status === 201 && body.id) confirmed.push(body.id);
          else if (res.status !== 201) throw new Error(`unexpected ${res.status}: ${JSON.stringify(body)}`);
        } catch (err) {
          // Connections cut by the kill have no answer: the caller was never told it is booked.
          if (!stopped) throw err;
        }
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, caller));
    while (confirmed.length < 150) await new Promise((resolve) => setTimeout(resolve, 20));
    stopped = true;
    await killed(server);
    await load;
    const answered = [...confirmed];
    expect(answered.length).toBeGreaterThanOrEqual(150);

    server = await startServer();
    const db = await getDb();
    const stored = await db
      .select({ id: appointments.id })
      .from(appointments)
      .where(inArray(appointments.id, answered));
    expect(stored.map((r) => r.id).sort()).toEqual([...answered].sort());
    // Each booking committed with its audit row, and the restarted server serves them.
    const audited = await db
      .select({ id: auditLog.entityId })
      .from(auditLog)
      .where(inArray(auditLog.entityId, answered));
    expect(new Set(audited.map((r) => r.id)).size).toBe(answered.length);
    const last = answered[answered.length - 1];
    const res = await fetch(`${base}/api/v1/appointments/${last}`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe("booked");
  });
});
