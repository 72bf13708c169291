"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { FieldErrors } from "@/components/lib/form-errors";
import { formatInZone } from "@/components/lib/format";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import type { Locale } from "@/i18n/config";
import type { Appointment, Location, Worker } from "@/lib/contract";
import { formatInstant } from "@/lib/time/zoned";
import { appointmentCreateSchema } from "@/lib/validation/appointments";
import { type ClientChoice, ClientPicker } from "./client-picker";

const MINUTE = 60_000;

type Props = {
  worker: Worker;
  location: Location;
  start: number;
  onBook: (body: Record<string, unknown>, draft: Appointment) => void;
  onCancel: () => void;
};

/** The desk's booking form for one free time of a worker: who, which service, how long. */
export function BookForm({ worker, location, start, onBook, onCancel }: Props) {
  const t = useTranslations("admin.book");
  const common = useTranslations("common.actions");
  const locale = useLocale() as Locale;
  const [serviceId, setServiceId] = useState(worker.services[0]?.id ?? "");
  const service = worker.services.find((s) => s.id === serviceId);
  const [duration, setDuration] = useState(String(service?.durationMinutes ?? 30));
  const [choice, setChoice] = useState<ClientChoice>(null);
  const [notes, setNotes] = useState("");
  const { errors, check } = useFieldErrors();
  const zone = location.timezone;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const minutes = Number(duration);
    const body = {
      workerId: worker.id,
      serviceId,
      start: formatInstant(new Date(start), zone),
      end: Number.isFinite(minutes) ? formatInstant(new Date(start + minutes * MINUTE), zone) : "",
      ...(choice ?? {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    };
    const own: FieldErrors = {};
    if (!choice) own.clientId = t("pickClient");
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > 24 * 60) own.duration = t("badDuration");
    if (!check(appointmentCreateSchema, body, own)) return;
    const client =
      "clientId" in body
        ? { id: String(body.clientId), name: t("client"), phone: null, email: null }
        : {
            id: "new",
            name: (choice as { client: { name: string } }).client.name,
            phone: null,
            email: null,
          };
    const draft = {
      id: crypto.randomUUID(),
      status: "booked",
      start: body.start,
      end: body.end,
      worker: { id: worker.id, slug: worker.slug, name: worker.name },
      location: { id: location.id, slug: location.slug, name: location.name },
      service: service ? { id: service.id, slug: service.slug, name: service.name } : null,
      client,
      price: service?.price ?? null,
      currency: service?.currency ?? "RUB",
      notes: body.notes ?? null,
      createdAt: null,
      createdBy: null,
      cancelledAt: null,
    } as unknown as Appointment;
    onBook(body, draft);
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <p className="text-sm">
        {t("when", {
          worker: worker.name,
          time: formatInZone(new Date(start), zone, "EEEE d MMMM, HH:mm", locale),
        })}
      </p>
      <ClientPicker errors={errors} onChange={setChoice} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label={t("service")} error={errors.serviceId}>
          <select
            value={serviceId}
            onChange={(e) => {
              setServiceId(e.target.value);
              const next = worker.services.find((s) => s.id === e.target.value);
              if (next) setDuration(String(next.durationMinutes));
            }}
            className={inputClass}
          >
            {worker.services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("duration")} error={errors.duration ?? errors.end}>
          <input
            type="number"
            min={5}
            step={5}
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
            className={inputClass}
          />
        </Field>
        <Field label={t("notes")} error={errors.notes} className="sm:col-span-2">
          <textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={2} className={inputClass} />
        </Field>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit">{t("submit")}</Button>
        <Button variant="secondary" onClick={onCancel}>
          {common("cancel")}
        </Button>
      </div>
    </form>
  );
}
