import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import {
  type Location,
  locations,
  type Service,
  type Specialty,
  services,
  specialties,
  type Worker,
  workerServices,
} from "../schema/catalog";

// The public shapes of API.md "Resources". Handlers answer with these, never with raw rows.

export const toLocationJson = (l: Location) => ({
  id: l.id,
  slug: l.slug,
  name: l.name,
  kind: l.kind,
  address: l.address,
  latitude: l.latitude,
  longitude: l.longitude,
  timezone: l.timezone,
  description: l.description,
});

export const toSpecialtyJson = (s: Specialty) => ({ id: s.id, slug: s.slug, name: s.name });

export const toServiceJson = (s: Service) => ({
  id: s.id,
  slug: s.slug,
  name: s.name,
  description: s.description,
  durationMinutes: s.durationMinutes,
  price: s.price,
  currency: s.currency,
  imageUrl: s.imageUrl,
  active: s.active,
});

export type LocationJson = ReturnType<typeof toLocationJson>;
export type SpecialtyJson = ReturnType<typeof toSpecialtyJson>;
export type ServiceJson = ReturnType<typeof toServiceJson>;
export type WorkerJson = {
  id: string;
  slug: string;
  name: string;
  bio: string | null;
  avatarUrl: string | null;
  active: boolean;
  specialty: SpecialtyJson | null;
  location: LocationJson | null;
  services: ServiceJson[];
  slotStepMinutes: number | null;
  bookingHorizonDays: number;
};

/**
 * Workers with their specialty, home location and services, in three queries whatever the number of
 * workers (never one query per worker). Keeps the order of `rows`.
 */
export async function workersToJson(db: Executor, rows: Worker[]): Promise<WorkerJson[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((w) => w.id);
  const specialtyIds = [...new Set(rows.flatMap((w) => (w.specialtyId ? [w.specialtyId] : [])))];
  const locationIds = [...new Set(rows.flatMap((w) => (w.locationId ? [w.locationId] : [])))];
  const [specialtyRows, locationRows, serviceRows] = await Promise.all([
    specialtyIds.length ? db.select().from(specialties).where(inArray(specialties.id, specialtyIds)) : [],
    locationIds.length ? db.select().from(locations).where(inArray(locations.id, locationIds)) : [],
    db
      .select({ workerId: workerServices.workerId, service: services })
      .from(workerServices)
      .innerJoin(services, eq(services.id, workerServices.serviceId))
      // A deactivated service is no longer offered, whoever still has it on their list.
      .where(and(inArray(workerServices.workerId, ids), eq(services.active, true)))
      .orderBy(services.name),
  ]);
  const specialtyById = new Map(specialtyRows.map((s) => [s.id, toSpecialtyJson(s)]));
  const locationById = new Map(locationRows.map((l) => [l.id, toLocationJson(l)]));
  const servicesByWorker = new Map<string, ServiceJson[]>();
  for (const { workerId, service } of serviceRows) {
    const list = servicesByWorker.get(workerId) ?? [];
    list.push(toServiceJson(service));
    servicesByWorker.set(workerId, list);
  }
  return rows.map((w) => ({
    id: w.id,
    slug: w.slug,
    name: w.name,
    bio: w.bio,
    avatarUrl: w.avatarUrl,
    active: w.active,
    specialty: (w.specialtyId && specialtyById.get(w.specialtyId)) || null,
    location: (w.locationId && locationById.get(w.locationId)) || null,
    services: servicesByWorker.get(w.id) ?? [],
    slotStepMinutes: w.slotStepMinutes,
    bookingHorizonDays: w.bookingHorizonDays,
  }));
}
