"use client";

import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { apiFetch } from "@/components/lib/api-client";
import { queryKeys } from "@/components/query-keys";
import { useApiErrorText } from "@/components/ui/api-error-text";
import type { Appointment } from "@/lib/contract";

type Change =
  | { kind: "book"; body: Record<string, unknown>; draft: Appointment }
  | {
      kind: "patch";
      id: string;
      body: Record<string, unknown>;
    }
  | { kind: "cancel"; id: string };

/**
 * Booking, rescheduling, marking and cancelling from the desk. The board's list changes at once
 * (optimistically); a refusal puts the list back as it was and says why; either way the board then
 * reloads what the server holds.
 */
export function useAppointmentChange(boardKey: QueryKey) {
  const client = useQueryClient();
  const t = useTranslations("admin.toasts");
  const errorText = useApiErrorText();
  return useMutation({
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
          return { ...a, ...(change.body as Partial<Appointment>) };
        });
      });
      return { before };
    },
    onError: (err, _change, context) => {
      client.setQueryData(boardKey, context?.before);
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
}
