"use client";

import { useQueries, useQuery } from "@tanstack/react-query";
import type { AppointmentJson } from "@/db/queries/appointments";
import type { WorkerJson } from "@/db/queries/catalog-json";
import { apiFetch, query } from "@/lib/ui/api-client";

export type Interval = { start: string; end: string };
export type WorkerDay = { timezone: string; shifts: Interval[]; timeOff: Interval[]; busy: Interval[] };
export type BoardFilters = { date: string; locationId: string; specialtyId: string };

/** The react-query key of the appointments shown on one board; bookings update it optimistically. */
export const boardAppointmentsKey = (f: Pick<BoardFilters, "date" | "locationId">) => [
  "appointments",
  { date: f.date, locationId: f.locationId },
];

/** The workers of a location (and specialty), each one's day, and the location's appointments that day. */
export function useBoardData(filters: BoardFilters) {
  const workers = useQuery({
    queryKey: ["workers", { location: filters.locationId, specialty: filters.specialtyId }],
    enabled: filters.locationId !== "",
    queryFn: ({ signal }) =>
      apiFetch<{ items: WorkerJson[] }>(
        `/workers${query({ location: filters.locationId, specialty: filters.specialtyId, limit: 200 })}`,
        { signal },
      ).then((r) => r.items),
  });
  const days = useQueries({
    queries: (workers.data ?? []).map((w) => ({
      queryKey: ["worker-schedule", w.id, filters.date],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiFetch<WorkerDay>(`/workers/${w.id}/schedule${query({ date: filters.date })}`, { signal }),
    })),
  });
  const appointments = useQuery({
    queryKey: boardAppointmentsKey(filters),
    enabled: filters.locationId !== "",
    queryFn: ({ signal }) =>
      apiFetch<{ items: AppointmentJson[] }>(
        `/appointments${query({ date: filters.date, locationId: filters.locationId, limit: 200 })}`,
        { signal },
      ).then((r) => r.items),
  });
  return { workers, days, appointments };
}
