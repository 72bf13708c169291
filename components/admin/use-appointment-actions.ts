"use client";

import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { ApiError, apiFetch } from "@/components/lib/api-client";
import { queryKeys } from "@/components/query-keys";
import { useApiErrorText } from "@/components/ui/api-error-text";
import type { Appointment } from "@/lib/contract";

/** A 409 the buffers alone caused (lib/booking/buffers.ts): staff may book into them, saying so. */
const refusedForBuffers = (err: unknown) =>
  err instanceof ApiError && err.status === 409 && err.details.buffer === true;

type Change =
  | { kind: "book"; body: Record<string, unknown>; draft: Appointment }
  | {
      kind: "patch";
      id: string;
      body: Record<string, unknown>;
      /** What the board shows until the server answers, when it is not the body itself (a new worker). */
      optimistic?: Partial<Appointment>;
    }
  | { kind: "cancel"; id: string };

/**
 * Booking, rescheduling, marking and cancelling from the desk. The board's list changes at once
 * (optimistically); a refusal puts the list back as it was and says why; either way the board then
 * reloads what the server holds.
 *
 * A booking or move the server refuses only for a service's buffers (409 slot_taken with
 * `details.buffer: true`) is not an error yet: `bufferRefusal` holds it until the desk confirms
 * (`confirmBuffers` sends it again with `overrideBuffers: true`, audited) or keeps the buffers.
 */
export function useAppointmentChange(boardKey: QueryKey) {
  const client = useQueryClient();
  const t = useTranslations("admin.toasts");
  const errorText = useApiErrorText();
  const [bufferRefusal, setBufferRefusal] = useState<Change | null>(null);
  const mutation = useMutation({
    mutationFn: (change: Change) => {
      if (change.kind === "book") {
        // One key per booking attempt: a retried request cannot book the client twice.
        return apiFetch<Appointment>("/appointments", {
          method: "POST",
          body: change.body,
          headers: { "idempotency-key": change.draft.id },
        });
      }
      if (change.kind === "cancel")
        return apiFetch<Appointment>(`/appointments/${change.id}/cancel`, { method: "POST" });
      return apiFetch<Appointment>(`/appointments/${change.id}`, { method: "PATCH", body: change.body });
    },
    onMutate: async (change) => {
      await client.cancelQueries({ queryKey: boardKey });
      const before = client.getQueryData<Appointment[]>(boardKey);
      client.setQueryData<Appointment[]>(boardKey, (list = []) => {
        if (change.kind === "book") return [...list, change.draft];
        return list.map((a) => {
          if (a.id !== change.id) return a;
          if (change.kind === "cancel") return { ...a, status: "cancelled" as const };
          return { ...a, ...(change.optimistic ?? (change.body as Partial<Appointment>)) };
        });
      });
      return { before };
    },
    onError: (err, change, context) => {
      client.setQueryData(boardKey, context?.before);
      if (change.kind !== "cancel" && !change.body.overrideBuffers && refusedForBuffers(err)) {
        setBufferRefusal(change);
        return;
      }
      toast.error(errorText(err));
    },
    onSuccess: (_saved, change) => {
      toast.success(
        t(
          change.kind === "patch"
            ? "status" in change.body
              ? "marked"
              : "rescheduled"
            : change.kind === "book"
              ? "booked"
              : "cancelled",
        ),
      );
    },
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.appointments.all }),
        client.invalidateQueries({ queryKey: queryKeys.workerDay.all }),
        client.invalidateQueries({ queryKey: queryKeys.slots.all }),
      ]),
  });
  return {
    ...mutation,
    bufferRefusal,
    /** Sends the refused booking or move again into the buffers (a booking under a new key). */
    confirmBuffers: () => {
      const refused = bufferRefusal;
      setBufferRefusal(null);
      if (!refused || refused.kind === "cancel") return;
      const body = { ...refused.body, overrideBuffers: true };
      mutation.mutate(
        refused.kind === "book"
          ? { ...refused, body, draft: { ...refused.draft, id: crypto.randomUUID() } }
          : { ...refused, body },
      );
    },
    keepBuffers: () => setBufferRefusal(null),
  };
}
