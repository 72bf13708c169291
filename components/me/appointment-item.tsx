"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { apiFetch } from "@/components/lib/api-client";
import { useApiErrorText } from "@/components/ui/api-error-text";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { Appointment } from "@/lib/contract";
import { clockIn } from "./zoned";

type Props = { appointment: Appointment; timezone: string; now: Date; online: boolean };

const STATUS_STYLE: Record<Appointment["status"], string> = {
  booked: "bg-sky-100 text-sky-900",
  cancelled: "bg-slate-200 text-slate-700",
  completed: "bg-emerald-100 text-emerald-900",
  no_show: "bg-amber-100 text-amber-900",
};

/** One appointment of the specialist's day: who, when, what, how to call them, and its marks. */
export function AppointmentItem({ appointment: a, timezone, now, online }: Props) {
  const t = useTranslations("day");
  const errorText = useApiErrorText();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [notes, setNotes] = useState(a.notes ?? "");
  const change = useMutation({
    mutationFn: (body: { status?: "completed" | "no_show"; notes?: string | null }) =>
      apiFetch<Appointment>(`/appointments/${a.id}`, { method: "PATCH", body }),
    onSuccess: (changed, body) => {
      if (body.status) toast.success(t("marked", { status: t(`status.${changed.status}`) }));
      else toast.success(t("notesSaved"));
      setEditing(false);
      return client.invalidateQueries({ queryKey: ["appointments"] });
    },
    onError: (err) => toast.error(errorText(err)),
  });
  const start = clockIn(a.start, timezone);
  const started = new Date(a.start).getTime() <= now.getTime();
  const canMark = a.status === "booked" && started;

  return (
    <article
      aria-label={`${start} ${a.client.name}`}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-lg font-semibold tabular-nums">
          {start}–{clockIn(a.end, timezone)}
        </p>
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[a.status]}`}>
          {t(`status.${a.status}`)}
        </span>
      </div>
      <p className="text-sm text-slate-700">{a.service?.name ?? t("room")}</p>
      <p className="font-medium">{a.client.name}</p>
      {a.client.phone ? (
        <a
          href={`tel:${a.client.phone.replace(/[^\d+]/g, "")}`}
          aria-label={t("call", { name: a.client.name })}
          className="inline-flex min-h-10 items-center text-brand-dark underline"
        >
          {a.client.phone}
        </a>
      ) : (
        <p className="text-sm text-slate-500">{t("noPhone")}</p>
      )}
      {editing ? (
        <form
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            change.mutate({ notes: notes.trim() === "" ? null : notes });
          }}
        >
          <label className="block text-sm font-medium">
            {t("notes")}
            <textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} className={inputClass} />
          </label>
          <div className="flex gap-2">
            <Button type="submit" pending={change.isPending} disabled={!online}>
              {t("saveNotes")}
            </Button>
            <Button variant="ghost" onClick={() => setEditing(false)}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <>
          {a.notes && (
            <p className="whitespace-pre-wrap rounded-md bg-slate-50 p-2 text-sm">
              <span className="sr-only">{t("notes")}: </span>
              {a.notes}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            {canMark && (
              <>
                <Button
                  onClick={() => change.mutate({ status: "completed" })}
                  disabled={!online}
                  pending={change.isPending && change.variables?.status === "completed"}
                >
                  {t("markCompleted")}
                </Button>
                <Button
                  variant="secondary"
                  onClick={() => change.mutate({ status: "no_show" })}
                  disabled={!online}
                  pending={change.isPending && change.variables?.status === "no_show"}
                >
                  {t("markNoShow")}
                </Button>
              </>
            )}
            <Button variant="secondary" onClick={() => setEditing(true)} disabled={!online}>
              {t("editNotes")}
            </Button>
          </div>
        </>
      )}
    </article>
  );
}
