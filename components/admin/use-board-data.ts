"use client";

import { useQueries, useQuery } from "@tanstack/react-query";
import { apiFetch, query } from "@/components/lib/api-client";
import { queryKeys } from "@/components/query-keys";
import type { Appointment, WorkerDay as ScheduleDay, Slot, Worker } from "@/lib/contract";

/** A stretch of the board as the API writes it (RFC 3339 start and end). */
export type Interval = Slot;
/** What the board reads of GET /workers/{ref}/schedule. */
export type WorkerDay = Pick<ScheduleDay, "timezone" | "shifts" | "timeOff" | "busy">;

/**
 * What the board shows: one workplace, or every workplace in one time zone (a salon whose chairs
 * are separate locations shows all its workers side by side; one zone keeps one time axis).
 */
export type BoardScope = { kind: "location"; locationId: string } | { kind: "zone"; timeZone: string };
export type BoardFilters = { date: string; scope: BoardScope; specialtyId: string };

const scopeKey = (scope: BoardScope) => (scope.kind === "location" ? scope.locationId : `zone:${scope.timeZone}`);

/** The react-query key of the appointments shown on one board; bookings update it optimistically. */
export const boardAppointmentsKey = (f: Pick<BoardFilters, "date" | "scope">) =>
  queryKeys.appointments.board(f.date, scopeKey(f.scope));

/** The workers in scope (and specialty), each one's day, and their appointments that day. */
export function useBoardData(filters: BoardFilters) {
  const { scope } = filters;
  const location = scope.kind === "location" ? scope.locationId : undefined;
  const inScope = (w: Worker) => scope.kind === "location" || w.location?.timezone === scope.timeZone;
  const workers = useQuery({
    queryKey: queryKeys.catalog.list("workers", { location, specialty: filters.specialtyId }),
    queryFn: ({ signal }) =>
      apiFetch<{ items: Worker[] }>(`/workers${query({ location, specialty: filters.specialtyId, limit: 200 })}`, {
        signal,
      }).then((r) => r.items),
    select: (items) => items.filter(inScope),
  });
  const days = useQueries({
    queries: (workers.data ?? []).map((w) => ({
      queryKey: queryKeys.workerDay.day(w.id, filters.date),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiFetch<WorkerDay>(`/workers/${w.id}/schedule${query({ date: filters.date })}`, { signal }),
    })),
  });
  const appointments = useQuery({
    queryKey: boardAppointmentsKey(filters),
    queryFn: ({ signal }) =>
      apiFetch<{ items: Appointment[] }>(
        `/appointments${query({ date: filters.date, locationId: location, limit: 200 })}`,
        { signal },
      ).then((r) => r.items),
  });
  return { workers, days, appointments };
}
