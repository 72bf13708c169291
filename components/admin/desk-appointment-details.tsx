"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { fetchAllItems } from "@/components/lib/all-pages";
import { apiFetch, query } from "@/components/lib/api-client";
import { formatInZone, formatPrice, formatTime } from "@/components/lib/format";
import { NotificationsPanel } from "@/components/notifications/notifications-panel";
import { queryKeys } from "@/components/query-keys";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import type { Locale } from "@/i18n/config";
import type { Appointment, Worker } from "@/lib/contract";
import { formatInstant, zonedDateOf } from "@/lib/time/zoned";

/** Where a reschedule moves an appointment: the new times, and the worker when another one takes it. */
export type Move = { start: string; end: string; worker: Pick<Worker, "id" | "slug" | "name"> | null };

type Props = {
  appointment: Appointment;
  timeZone: string;
  /** The board's workers: the ones who perform the appointment's service may take it over. */
  workers: Worker[];
  onReschedule: (move: Move) => void;
  onStatus: (status: "completed" | "no_show") => void;
  onCancelAppointment: () => void;
};

/**
 * An appointment's details and what the desk can do with it: a short card of the client (with a link
 * to the full one), reschedule (to another day, time or worker, after a from → to confirmation),
 * completed / no-show once it has started, cancel.
 */
export function DeskAppointmentDetails({
  appointment: a,
  timeZone,
  workers,
  onReschedule,
  onStatus,
  onCancelAppointment,
}: Props) {
  const t = useTranslations("admin.appointment");
  const locale = useLocale() as Locale;
  const [rescheduling, setRescheduling] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [now] = useState(() => Date.now());
  const booked = a.status === "booked";
  const started = now >= new Date(a.start).getTime();
  const rows: [string, string][] = [
    [
      t("when"),
      `${formatInZone(a.start, timeZone, "EEEE d MMMM yyyy, HH:mm", locale)}–${formatTime(a.end, timeZone, locale)}`,
    ],
    [t("service"), a.service?.name ?? "—"],
    [t("worker"), a.worker?.name ?? "—"],
    [t("status"), t(`statuses.${a.status}`)],
  ];
  if (a.price !== null) rows.push([t("price"), formatPrice(Number(a.price), a.currency ?? "RUB", locale)]);
  if (a.notes) rows.push([t("notes"), a.notes]);

  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-600">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <ClientSummary appointment={a} />
      <div className="flex flex-wrap gap-2">
        {booked && (
          <Button variant="secondary" onClick={() => setRescheduling((v) => !v)} aria-expanded={rescheduling}>
            {t("reschedule")}
          </Button>
        )}
        {booked && started && (
          <>
            <Button variant="secondary" onClick={() => onStatus("completed")}>
              {t("markCompleted")}
            </Button>
            <Button variant="secondary" onClick={() => onStatus("no_show")}>
              {t("markNoShow")}
            </Button>
          </>
        )}
        <a
          href={`/api/v1/appointments/${a.id}/ics`}
          download
          className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50"
        >
          {t("ics")}
        </a>
        {booked &&
          (confirmCancel ? (
            <Button variant="danger" onClick={onCancelAppointment}>
              {t("confirmCancel")}
            </Button>
          ) : (
            <Button variant="ghost" onClick={() => setConfirmCancel(true)}>
              {t("cancel")}
            </Button>
          ))}
      </div>
      {booked && !started && <p className="text-sm text-slate-600">{t("statusAfterStart")}</p>}
      {rescheduling && a.worker && a.service && (
        <SlotPicker appointment={a} timeZone={timeZone} workers={workers} onPick={onReschedule} />
      )}
      <NotificationsPanel key={`${a.id}:${a.status}:${a.start}`} appointmentId={a.id} timeZone={timeZone} />
    </div>
  );
}

/**
 * Free slots of a worker who performs the service (the same one, or another) on a chosen day;
 * picking one asks to confirm the move, from → to, and then moves the appointment there.
 */
function SlotPicker({
  appointment: a,
  timeZone,
  workers,
  onPick,
}: {
  appointment: Appointment;
  timeZone: string;
  workers: Worker[];
  onPick: (move: Move) => void;
}) {
  const t = useTranslations("admin.appointment");
  const common = useTranslations("common");
  const locale = useLocale() as Locale;
  const [date, setDate] = useState(zonedDateOf(new Date(a.start), timeZone));
  const current = a.worker;
  const others = workers.filter((w) => w.id !== current?.id && w.services.some((s) => s.id === a.service?.id));
  const [workerId, setWorkerId] = useState(current?.id ?? "");
  const target = others.find((w) => w.id === workerId) ?? null;
  const [proposal, setProposal] = useState<Move | null>(null);
  const length = new Date(a.end).getTime() - new Date(a.start).getTime();
  const slots = useQuery({
    queryKey: queryKeys.slots.day(workerId, a.service?.id, date),
    enabled: date !== "" && workerId !== "",
    queryFn: ({ signal }) =>
      apiFetch<{ slots: { start: string; end: string }[] }>(
        `/workers/${workerId}/slots${query({ service: a.service?.id, date })}`,
        { signal },
      ).then((r) => r.slots),
  });
  const span = (start: string, end: string, worker: string | undefined) =>
    `${formatInZone(start, timeZone, "EEE d MMM, HH:mm", locale)}–${formatTime(end, timeZone, locale)} · ${worker ?? "—"}`;
  return (
    <section aria-label={t("pickSlot")} className="space-y-2 rounded-md border border-slate-200 p-3">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label={t("newDate")}>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} className={inputClass} />
        </Field>
        <Field label={t("newWorker")}>
          <select value={workerId} onChange={(e) => setWorkerId(e.target.value)} className={inputClass}>
            {current && <option value={current.id}>{current.name}</option>}
            {others.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {slots.isPending ? (
        <Skeleton label={common("loading")} rows={1} />
      ) : slots.isError ? (
        <ErrorState
          message={common("states.loadFailed")}
          retryLabel={common("actions.retry")}
          onRetry={() => slots.refetch()}
        />
      ) : slots.data.length === 0 ? (
        <EmptyState>{t("noSlots")}</EmptyState>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label={t("slots")}>
          {slots.data.map((s) => {
            const start = new Date(s.start);
            const label = formatTime(s.start, timeZone, locale);
            return (
              <li key={s.start}>
                <Button
                  variant="secondary"
                  onClick={() =>
                    setProposal({
                      start: formatInstant(start, timeZone),
                      end: formatInstant(new Date(start.getTime() + length), timeZone),
                      worker: target && { id: target.id, slug: target.slug, name: target.name },
                    })
                  }
                  aria-label={t("moveTo", { time: label })}
                >
                  {label}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <ConfirmDialog
        open={proposal !== null}
        title={t("confirmMoveTitle")}
        confirmLabel={t("confirmMove")}
        cancelLabel={common("actions.cancel")}
        onClose={() => setProposal(null)}
        onConfirm={() => {
          const move = proposal;
          setProposal(null);
          if (move) onPick(move);
        }}
      >
        {proposal && (
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="move-summary">
            <dt className="font-medium text-slate-600">{t("moveFrom")}</dt>
            <dd>{span(a.start, a.end, a.worker?.name)}</dd>
            <dt className="font-medium text-slate-600">{t("moveToLabel")}</dt>
            <dd className="font-semibold">{span(proposal.start, proposal.end, (proposal.worker ?? a.worker)?.name)}</dd>
          </dl>
        )}
      </ConfirmDialog>
    </section>
  );
}

/**
 * The client's card in short: name and contacts, and counts of their visits from every page of
 * GET /appointments?clientId= (completed, no-shows, upcoming), with a link to the full card.
 */
function ClientSummary({ appointment: a }: { appointment: Appointment }) {
  const t = useTranslations("admin.appointment");
  const common = useTranslations("common");
  const clientId = a.client.id;
  const known = clientId !== "new";
  const history = useQuery({
    queryKey: queryKeys.appointments.clientSummary(clientId),
    enabled: known,
    queryFn: ({ signal }) =>
      fetchAllItems<Appointment>("/appointments", { clientId, from: "2000-01-01", to: "2100-01-01" }, signal),
  });
  const [now] = useState(() => Date.now());
  const count = (keep: (x: Appointment) => boolean) => history.data?.filter(keep).length ?? 0;
  return (
    <section aria-label={t("clientCard")} className="space-y-1 rounded-md border border-slate-200 p-3 text-sm">
      <p className="font-semibold">
        {known ? (
          <a href={`/admin/clients/${clientId}`} className="text-brand underline underline-offset-2">
            {a.client.name}
          </a>
        ) : (
          a.client.name
        )}
      </p>
      {(a.client.phone || a.client.email) && (
        <p className="break-words">{[a.client.phone, a.client.email].filter(Boolean).join(" · ")}</p>
      )}
      {known &&
        (history.isPending ? (
          <Skeleton label={common("loading")} rows={1} />
        ) : history.isError ? (
          <p className="text-slate-600">{common("states.loadFailed")}</p>
        ) : (
          <p className="text-slate-700" data-testid="client-counts">
            {t("clientCounts", {
              visits: count((x) => x.status === "completed"),
              noShows: count((x) => x.status === "no_show"),
              upcoming: count((x) => x.status === "booked" && new Date(x.start).getTime() > now),
            })}
          </p>
        ))}
    </section>
  );
}
