// Reading appointments with what their JSON shows (worker, location, service, client; the JSON is
// lib/contract/appointment.ts's), and changing one in place. Plain functions of ids, filters and
// values; who may see or change what is decided above them (lib/booking/).
import { and, asc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { type Appointment, appointments, clients } from "../schema/appointments";
import { locations, services, workers } from "../schema/catalog";
import { clientOverlapAllowedNow } from "./business";
import { readableLocationZone } from "./time-zones";

export const appointmentColumns = {
  appointment: appointments,
  timezone: locations.timezone,
  location: { id: locations.id, slug: locations.slug, name: locations.name, kind: locations.kind },
  worker: { id: workers.id, slug: workers.slug, name: workers.name },
  service: { id: services.id, slug: services.slug, name: services.name },
  client: {
    id: clients.id,
    name: clients.name,
    phone: clients.phone,
    email: clients.email,
    userId: clients.userId,
  },
};

function selectAppointments(db: Executor) {
  return db
    .select(appointmentColumns)
    .from(appointments)
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .innerJoin(clients, eq(clients.id, appointments.clientId))
    .leftJoin(workers, eq(workers.id, appointments.workerId))
    .leftJoin(services, eq(services.id, appointments.serviceId));
}

export type AppointmentRow = Awaited<ReturnType<typeof selectAppointments>>[number];
/** What the JSON is made from: a row as selected, or one a booking is about to insert. */
// clientOverlapAllowed is the database's to fill in (from the business row) and no caller's to read.
export type AppointmentView = Omit<AppointmentRow, "appointment"> & {
  appointment: Omit<Appointment, "during" | "held" | "clientOverlapAllowed">;
};

/** The appointment by id, its row locked FOR UPDATE when `lock` is set (inside a transaction). */
export async function findAppointment(db: Executor, id: string, lock = false): Promise<AppointmentRow | undefined> {
  const query = selectAppointments(db).where(eq(appointments.id, id));
  const [row] = lock ? await query.for("update", { of: appointments }) : await query;
  return row;
}

export type AppointmentFilter = {
  /** Only appointments of the client record of this user (a client's own list). */
  ownerUserId?: string;
  clientId?: string;
  workerId?: string;
  locationId?: string;
  status?: (typeof appointments.$inferSelect)["status"];
  /** Instants: start within [start, end). */
  startFrom?: Date;
  startBefore?: Date;
  /** Local dates in each appointment's location timezone, both included. */
  fromDate?: string;
  toDate?: string;
  limit: number;
  offset: number;
};

/** One page of appointments matching `filter`, by start. */
export async function listAppointments(db: Executor, filter: AppointmentFilter): Promise<AppointmentRow[]> {
  const zone = filter.fromDate || filter.toDate ? await readableLocationZone(db) : locations.timezone;
  const localDate = sql`(${appointments.startAt} at time zone ${zone})::date`;
  const conditions: (SQL | undefined)[] = [
    filter.ownerUserId ? eq(clients.userId, filter.ownerUserId) : undefined,
    filter.clientId ? eq(appointments.clientId, filter.clientId) : undefined,
    filter.workerId ? eq(appointments.workerId, filter.workerId) : undefined,
    filter.locationId ? eq(appointments.locationId, filter.locationId) : undefined,
    filter.status ? eq(appointments.status, filter.status) : undefined,
    filter.startFrom ? gte(appointments.startAt, filter.startFrom) : undefined,
    filter.startBefore ? lt(appointments.startAt, filter.startBefore) : undefined,
    // The local-date tests cannot use an index; the bounds around them (a local day starts at most
    // 14 hours before or 12 after UTC midnight) let the start_at index narrow the rows first.
    ...(filter.fromDate
      ? [
          sql`${appointments.startAt} >= ${filter.fromDate}::date::timestamp at time zone 'UTC' - interval '14 hours'`,
          sql`${localDate} >= ${filter.fromDate}::date`,
        ]
      : []),
    ...(filter.toDate
      ? [
          sql`${appointments.startAt} < (${filter.toDate}::date + 1)::timestamp at time zone 'UTC' + interval '14 hours'`,
          sql`${localDate} <= ${filter.toDate}::date`,
        ]
      : []),
  ];
  return selectAppointments(db)
    .where(and(...conditions))
    .orderBy(asc(appointments.startAt), asc(appointments.id))
    .limit(filter.limit)
    .offset(filter.offset);
}

/** What a change of an appointment in place may set. */
export type AppointmentChanges = Partial<
  Pick<
    Appointment,
    | "workerId"
    | "locationId"
    | "startAt"
    | "endAt"
    | "status"
    | "notes"
    | "cancelledAt"
    | "cancelledBy"
    | "buffersOverridden"
  >
> & {
  /**
   * The appointment moves to a new interval: the business's allowClientOverlap of now is copied onto
   * the row in the same statement, as a booking does (db/queries/business.ts clientOverlapAllowedNow).
   */
  moved?: boolean;
};

/** Sets `changes` on the appointment (its row already locked by the caller's transaction). */
export async function updateAppointment(db: Executor, id: string, changes: AppointmentChanges): Promise<void> {
  const { moved, ...values } = changes;
  await db
    .update(appointments)
    .set(moved ? { ...values, clientOverlapAllowed: clientOverlapAllowedNow } : values)
    .where(eq(appointments.id, id));
}
