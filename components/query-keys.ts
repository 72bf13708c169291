import type { Query } from "@tanstack/react-query";

/**
 * Every react-query key the UI uses, built here so a query and the invalidations meant to reach it
 * cannot drift apart by a typo. A key starts with its resource; invalidating `….all` (a prefix)
 * reaches every query of that resource.
 */

export type CatalogResource = "locations" | "specialties" | "services" | "workers" | "users";

export const queryKeys = {
  /** The manager's collections, one page each, by their query parameters. */
  catalog: {
    all: (resource: CatalogResource) => [resource] as const,
    list: (resource: CatalogResource, params: Record<string, string | undefined>) => [resource, params] as const,
  },
  appointments: {
    all: ["appointments"] as const,
    /** One board's appointments (a day, one location or zone); bookings update it optimistically. */
    board: (date: string, scope: string) => ["appointments", { date, scope }] as const,
    ofClient: (clientId: string) => ["appointments", { clientId }] as const,
    /** The desk pop-up's counts of one client's appointments (every page). */
    clientSummary: (clientId: string) => ["appointments", { clientId, summary: true }] as const,
    /** The signed-in client's own, split at `split` into upcoming and past. */
    mine: (split: string) => ["appointments", "mine", split] as const,
  },
  appointment: (id: string) => ["appointment", id] as const,
  /** Waitlist entries: the signed-in client's own, and the desk's of one day. */
  waitlist: {
    all: ["waitlist"] as const,
    mine: ["waitlist", "mine"] as const,
    day: (date: string) => ["waitlist", { date }] as const,
  },
  clients: {
    all: ["clients"] as const,
    search: (q: string, limit: number) => ["clients", { q, limit }] as const,
    /** Records sharing a phone's digits or an email (the desk's duplicate warning). */
    duplicates: (phone: string, email: string, excludeId?: string) =>
      ["clients", "duplicates", { phone, email, excludeId }] as const,
  },
  /** Free slots of a worker (slug or id) for a service (slug or id) on a local day. */
  slots: {
    all: ["slots"] as const,
    day: (worker: string | undefined, service: string | undefined, date: string) =>
      ["slots", worker, service, date] as const,
  },
  /** A worker's shifts, time off and busy intervals on one day, as the desk's board shows them. */
  workerDay: {
    all: ["worker-schedule"] as const,
    day: (workerId: string, date: string) => ["worker-schedule", workerId, date] as const,
  },
  weeklySchedule: (workerId: string) => ["weekly-schedule", workerId] as const,
  shifts: (workerId: string, monday: string) => ["shifts", workerId, monday] as const,
  timeOff: {
    week: (workerId: string, monday: string) => ["time-off", workerId, monday] as const,
    upcoming: (workerId: string) => ["time-off", workerId, "upcoming"] as const,
  },
  roomDay: (room: string, date: string) => ["room-schedule", room, date] as const,
  location: (locationId: string | undefined) => ["location", locationId] as const,
  stats: (filters: Record<string, string>) => ["stats", filters] as const,
  /** The manager's webhook endpoints and each one's delivery log. */
  webhooks: {
    all: ["webhooks"] as const,
    list: ["webhooks", "list"] as const,
    deliveries: (id: string) => ["webhooks", id, "deliveries"] as const,
  },
};

/**
 * Filters for invalidateQueries reaching every query about one worker, whatever the resource: its
 * shifts, time off, weekly schedule, day on the board and slots (the keys that name it by id).
 */
export const aboutWorker = (workerId: string) => ({
  predicate: (q: Query) => q.queryKey.includes(workerId),
});
