"use client";

import { useQueries, useQuery } from "@tanstack/react-query";
import { fetchAllItems } from "@/components/lib/all-pages";
import { apiFetch, query } from "@/components/lib/api-client";
import { queryKeys } from "@/components/query-keys";
import type { Appointment, WorkerDay as ScheduleDay, Slot, Slots, Worker } from "@/lib/contract";

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

/**
 * The service whose slots stand for a worker's free time on the board: the shortest one they
 * perform (its slots start at every step of the worker's grid that is free for at least that long).
 */
export const boardService = (worker: Worker) =>
  worker.services.reduce<Worker["services"][number] | undefined>(
    (best, s) => (best === undefined || s.durationMinutes < best.durationMinutes ? s : best),
    undefined,
  );

/**
 * The workers in scope (and specialty), each one's day and free slot starts (GET /workers/{ref}/slots
 * for their shortest service; none for a worker without services), and their appointments that day.
 * Lists are read page by page to the end: a busy day is never cut off at a page size.
 */
export function useBoardData(filters: BoardFilters) {
  const { scope } = filters;
  const location = scope.kind === "location" ? scope.locationId : undefined;
  const inScope = (w: Worker) => scope.kind === "location" || w.location?.timezone === scope.timeZone;
  const workers = useQuery({
    queryKey: queryKeys.catalog.list("workers", { location, specialty: filters.specialtyId }),
    queryFn: ({ signal }) => fetchAllItems<Worker>("/workers", { location, specialty: filters.specialtyId }, signal),
    select: (items) => items.filter(inScope),
  });
  const days = useQueries({
    queries: (workers.data ?? []).map((w) => ({
      queryKey: queryKeys.workerDay.day(w.id, filters.date),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiFetch<WorkerDay>(`/workers/${w.id}/schedule${query({ date: filters.date })}`, { signal }),
    })),
  });
  const slots = useQueries({
    queries: (workers.data ?? []).map((w) => {
      const service = boardService(w);
      return {
        queryKey: queryKeys.slots.day(w.id, service?.id, filters.date),
        enabled: service !== undefined,
        queryFn: ({ signal }: { signal: AbortSignal }) =>
          apiFetch<Slots>(`/workers/${w.id}/slots${query({ service: service?.id, date: filters.date })}`, {
            signal,
          }).then((r) => r.slots),
      };
    }),
  });
  const appointments = useQuery({
    queryKey: boardAppointmentsKey(filters),
    queryFn: ({ signal }) =>
      fetchAllItems<Appointment>("/appointments", { date: filters.date, locationId: location }, signal),
  });
  return { workers, days, slots, appointments };
}
