"use client";

import { type UseQueryResult, useMutation, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { ApiError, apiFetch } from "@/components/lib/api-client";
import { useApiErrorText } from "@/components/ui/api-error-text";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import type { OwnWorker } from "@/lib/schedule/own-worker";
import type { Dated, TimeOffList } from "./day-data";
import { clockIn, instantOfWallTime } from "./zoned";

type Props = { worker: OwnWorker; query: UseQueryResult<Dated<TimeOffList>>; online: boolean };

/** The specialist's own breaks and time off from today on: listed, added, removed (online only). */
export function TimeOffSection({ worker, query, online }: Props) {
  const t = useTranslations("day.timeOff");
  const format = useFormatter();
  const errorText = useApiErrorText();
  const client = useQueryClient();
  const [fields, setFields] = useState({ start: "", end: "", reason: "" });
  const [error, setError] = useState("");
  const refresh = () => client.invalidateQueries({ queryKey: ["time-off", worker.slug] });
  const add = useMutation({
    mutationFn: (body: { start: string; end: string; reason: string | null }) =>
      apiFetch(`/workers/${encodeURIComponent(worker.slug)}/time-off`, { method: "POST", body }),
    onSuccess: () => {
      toast.success(t("added"));
      setFields({ start: "", end: "", reason: "" });
      return refresh();
    },
    onError: (err) =>
      setError(err instanceof ApiError && err.code === "has_appointments" ? t("hasAppointments") : errorText(err)),
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch(`/time-off/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      toast.success(t("removed"));
      return refresh();
    },
    onError: (err) => toast.error(errorText(err)),
  });

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const start = instantOfWallTime(fields.start, worker.timezone);
    const end = instantOfWallTime(fields.end, worker.timezone);
    if (!start || !end || end <= start) {
      setError(t("badInterval"));
      return;
    }
    setError("");
    add.mutate({ start, end, reason: fields.reason.trim() || null });
  }

  const when = (start: string, end: string) =>
    `${format.dateTime(new Date(start), { weekday: "short", day: "numeric", month: "short", timeZone: worker.timezone })}, ${clockIn(start, worker.timezone)}–${clockIn(end, worker.timezone)}`;
  const items = query.data?.data.items ?? [];

  return (
    <section aria-labelledby="time-off-heading" className="space-y-3">
      <h2 id="time-off-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{query.isPending ? "…" : t("empty")}</p>
      ) : (
        <ul className="space-y-2">
          {items.map((off) => (
            <li
              key={off.id}
              className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 bg-white p-3"
            >
              <span className="text-sm">
                {when(off.start, off.end)}
                {off.reason ? ` · ${off.reason}` : ""}
              </span>
              <Button
                variant="secondary"
                onClick={() => remove.mutate(off.id)}
                disabled={!online}
                pending={remove.isPending && remove.variables === off.id}
                aria-label={t("removeLabel", { start: when(off.start, off.end) })}
              >
                {t("remove")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="space-y-3 rounded-md border border-slate-200 bg-white p-4" noValidate>
        <h3 className="font-medium">{t("add")}</h3>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t("start")}>
            <input
              type="datetime-local"
              value={fields.start}
              onChange={(e) => setFields({ ...fields, start: e.target.value })}
              className={inputClass}
              required
            />
          </Field>
          <Field label={t("end")}>
            <input
              type="datetime-local"
              value={fields.end}
              onChange={(e) => setFields({ ...fields, end: e.target.value })}
              className={inputClass}
              required
            />
          </Field>
        </div>
        <Field label={t("reason")}>
          <input
            value={fields.reason}
            onChange={(e) => setFields({ ...fields, reason: e.target.value })}
            maxLength={500}
            className={inputClass}
          />
        </Field>
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
        <Button type="submit" pending={add.isPending} disabled={!online}>
          {t("save")}
        </Button>
      </form>
    </section>
  );
}
