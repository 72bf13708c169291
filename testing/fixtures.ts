// Builders for integration tests: real rows in the test file's own database, unique per call.
import { randomBytes } from "node:crypto";
import { getDb } from "@/db/client";
import { insertUser } from "@/db/queries/users";
import {
  appointments,
  clients,
  type LocationKind,
  locations,
  type NewAppointment,
  type NewLocation,
  type NewService,
  type NewShift,
  type NewWorker,
  type Role,
  services,
  shifts,
  specialties,
  timeOff,
  workerServices,
  workers,
} from "@/db/schema";
import { issueAccessToken } from "@/lib/auth/caller";

const tag = () => randomBytes(4).toString("hex");

/** A user of the given role and a bearer token for them (the password is never needed). */
export async function userWithToken(role: Role, name = `Test ${role}`) {
  const user = await insertUser({
    email: `${role}-${tag()}@example.test`,
    name,
    role,
    passwordHash: "not-used-by-token-tests",
  });
  const { accessToken } = await issueAccessToken(user);
  return { user, token: accessToken };
}

export async function makeLocation(values: Partial<NewLocation> & { kind?: LocationKind } = {}) {
  const db = await getDb();
  const t = tag();
  const [row] = await db
    .insert(locations)
    .values({ slug: `loc-${t}`, name: `Location ${t}`, timezone: "Europe/Moscow", ...values })
    .returning();
  if (!row) throw new Error("location insert failed");
  return row;
}

export async function makeSpecialty(name = `Specialty ${tag()}`) {
  const db = await getDb();
  const [row] = await db
    .insert(specialties)
    .values({ slug: `spec-${tag()}`, name })
    .returning();
  if (!row) throw new Error("specialty insert failed");
  return row;
}

export async function makeService(values: Partial<NewService> = {}) {
  const db = await getDb();
  const t = tag();
  const [row] = await db
    .insert(services)
    .values({ slug: `svc-${t}`, name: `Service ${t}`, durationMinutes: 30, price: 1000, ...values })
    .returning();
  if (!row) throw new Error("service insert failed");
  return row;
}

/** A worker, performing `serviceIds` if given. */
export async function makeWorker(values: Partial<NewWorker> = {}, serviceIds: string[] = []) {
  const db = await getDb();
  const t = tag();
  const [row] = await db
    .insert(workers)
    .values({ slug: `worker-${t}`, name: `Worker ${t}`, ...values })
    .returning();
  if (!row) throw new Error("worker insert failed");
  if (serviceIds.length) {
    await db.insert(workerServices).values(serviceIds.map((serviceId) => ({ workerId: row.id, serviceId })));
  }
  return row;
}

export async function makeShift(values: Pick<NewShift, "workerId" | "locationId" | "startAt" | "endAt">) {
  const db = await getDb();
  const [row] = await db.insert(shifts).values(values).returning();
  if (!row) throw new Error("shift insert failed");
  return row;
}

export async function makeTimeOff(workerId: string, startAt: Date, endAt: Date, reason = "break") {
  const db = await getDb();
  const [row] = await db.insert(timeOff).values({ workerId, startAt, endAt, reason }).returning();
  if (!row) throw new Error("time off insert failed");
  return row;
}

export async function makeClient(name = `Client ${tag()}`, userId: string | null = null) {
  const db = await getDb();
  const [row] = await db.insert(clients).values({ name, userId }).returning();
  if (!row) throw new Error("client insert failed");
  return row;
}

/** A booked appointment written straight to the table (the booking rules are tested elsewhere). */
export async function makeAppointment(
  values: Pick<NewAppointment, "locationId" | "startAt" | "endAt"> & Partial<NewAppointment>,
) {
  const db = await getDb();
  const clientId = values.clientId ?? (await makeClient()).id;
  const [row] = await db
    .insert(appointments)
    .values({ ...values, clientId })
    .returning();
  if (!row) throw new Error("appointment insert failed");
  return row;
}

/** Bearer tokens of an anonymous caller (undefined), a client, an admin and a manager. */
export async function everyCaller(): Promise<(string | undefined)[]> {
  const signedIn = await Promise.all((["client", "admin", "manager"] as const).map((role) => userWithToken(role)));
  return [undefined, ...signedIn.map((u) => u.token)];
}
