"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { ApiError, apiFetch } from "@/components/lib/api-client";
import { queryKeys } from "@/components/query-keys";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import type { Appointment } from "@/lib/contract";
import { durationText } from "./policy-duration";

/**
 * "Cancel" with a confirmation; the interval is free again as soon as the API answers. `manageToken`:
 * a guest's manage link (sent as X-Manage-Token).
 */
export function CancelAppointment({
  appointment,
  when,
  manageToken,
  onCancelled,
}: {
  appointment: Appointment;
  when: string;
  manageToken?: string;
  onCancelled?: (cancelled: Appointment) => void;
}) {
  const t = useTranslations("public.appointments");
  const policy = useTranslations("policy");
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const cancel = useMutation({
    mutationFn: () =>
      apiFetch<Appointment>(`/appointments/${appointment.id}/cancel`, {
        method: "POST",
        headers: manageToken ? { "x-manage-token": manageToken } : undefined,
      }),
    onSuccess: (updated) => {
      setOpen(false);
      toast.success(t("cancelled"));
      queryClient.setQueryData(queryKeys.appointment(updated.id), updated);
      queryClient.invalidateQueries({ queryKey: queryKeys.appointments.all });
      queryClient.invalidateQueries({ queryKey: queryKeys.slots.all });
      onCancelled?.(updated);
    },
    onError: (err) => {
      const cutoff = err instanceof ApiError && err.code === "cutoff_passed" ? Number(err.details.cutoffMinutes) : 0;
      if (cutoff > 0) {
        const duration = durationText(cutoff, (unit, values) => policy(unit, values));
        toast.error(policy("refusedCancel", { duration }));
      } else toast.error(t("cancelFailed"));
    },
  });
  const what = appointment.service?.name ?? appointment.location.name;
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} aria-label={t("cancelLabel", { what, when })}>
        {t("cancel")}
      </Button>
      <ConfirmDialog
        open={open}
        title={t("confirmTitle")}
        confirmLabel={t("confirmCancel")}
        cancelLabel={t("keep")}
        pending={cancel.isPending}
        onConfirm={() => cancel.mutate()}
        onClose={() => setOpen(false)}
      >
        <p className="text-sm">{t("confirmText", { what, when })}</p>
      </ConfirmDialog>
    </>
  );
}
