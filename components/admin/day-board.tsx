"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatDay } from "@/components/lib/format";
import { zoneLabel } from "@/components/lib/zone-name";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { DeskWaitlist } from "@/components/waitlist/desk-waitlist";
import type { Locale } from "@/i18n/config";
import type { Appointment, Location, Specialty, Worker } from "@/lib/contract";
import { addDaysToDate, zonedDateOf } from "@/lib/time/zoned";
import { BoardColumns } from "./board-columns";
import { BookForm } from "./book-form";
import { BufferOverrideDialog } from "./buffer-override-dialog";
import { DeskAppointmentDetails } from "./desk-appointment-details";
import { useAppointmentChange } from "./use-appointment-actions";
import { type BoardScope, boardAppointmentsKey, useBoardData } from "./use-board-data";

type Props = { locations: Location[]; specialties: Specialty[] };

const ZONE = "zone:";
const toScope = (value: string): BoardScope =>
  value.startsWith(ZONE)
    ? { kind: "zone", timeZone: value.slice(ZONE.length) }
    : { kind: "location", locationId: value };

/**
 * The booking desk's day: one column per worker of a workplace, or of every workplace in a time
 * zone (the default), appointments as blocks at their real minutes and the worker's free slot starts
 * as buttons that open the booking form. Scrolls both ways, names and times pinned (BoardColumns).
 */
export function DayBoard({ locations, specialties }: Props) {
  const t = useTranslations("admin.board");
  const common = useTranslations("common");
  const locale = useLocale() as Locale;
  const zones = [...new Set(locations.map((l) => l.timezone))];
  const [scopeValue, setScopeValue] = useState(zones[0] ? ZONE + zones[0] : "");
  const scope = toScope(scopeValue);
  const location = scope.kind === "location" ? locations.find((l) => l.id === scope.locationId) : undefined;
  const zone = scope.kind === "zone" ? scope.timeZone : (location?.timezone ?? "UTC");
  const [date, setDate] = useState(() => zonedDateOf(new Date(), zone));
  const [specialtyId, setSpecialtyId] = useState("");
  const filters = { date, scope, specialtyId };
  const { workers, days, slots, appointments } = useBoardData(filters);
  const boardKey = boardAppointmentsKey(filters);
  const change = useAppointmentChange(boardKey);
  const [booking, setBooking] = useState<{ worker: Worker; start: number } | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const open = appointments.data?.find((a) => a.id === openId);
  // A worker's free time is at their workplace: the chosen one, or in a zone's board their own.
  const bookingLocation = booking && (location ?? booking.worker.location);

  if (locations.length === 0) return <EmptyState>{t("noLocations")}</EmptyState>;
  const failed = workers.isError || appointments.isError || days.some((d) => d.isError) || slots.some((s) => s.isError);
  // A worker with no service has no slots query (disabled, so pending for good): isLoading skips it.
  const loading =
    workers.isPending || appointments.isPending || days.some((d) => d.isPending) || slots.some((s) => s.isLoading);
  const retry = () => {
    workers.refetch();
    appointments.refetch();
    for (const d of days) d.refetch();
    for (const s of slots) if (s.isError) s.refetch();
  };

  return (
    <div className="space-y-4">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Field label={t("location")}>
          <select value={scopeValue} onChange={(e) => setScopeValue(e.target.value)} className={inputClass}>
            {zones.map((z) => (
              <option key={z} value={ZONE + z}>
                {t("allInZone", { zone: zoneLabel(z, locale) })}
              </option>
            ))}
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("specialty")}>
          <select value={specialtyId} onChange={(e) => setSpecialtyId(e.target.value)} className={inputClass}>
            <option value="">{t("allSpecialties")}</option>
            {specialties.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("date")}>
          <input
            type="date"
            value={date}
            onChange={(e) => e.target.value && setDate(e.target.value)}
            className={inputClass}
          />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" onClick={() => setDate(addDaysToDate(date, -1))}>
          {t("previousDay")}
        </Button>
        <Button variant="secondary" onClick={() => setDate(zonedDateOf(new Date(), zone))}>
          {t("today")}
        </Button>
        <Button variant="secondary" onClick={() => setDate(addDaysToDate(date, 1))}>
          {t("nextDay")}
        </Button>
        <h2 className="text-lg font-semibold" aria-live="polite">
          {formatDay(date, locale)}
        </h2>
      </div>
      {failed ? (
        <ErrorState message={t("loadFailed")} retryLabel={common("actions.retry")} onRetry={retry} />
      ) : loading ? (
        <Skeleton label={common("loading")} rows={6} />
      ) : workers.data.length === 0 ? (
        <EmptyState>{t("noWorkers")}</EmptyState>
      ) : (
        <BoardColumns
          date={date}
          timeZone={zone}
          workers={workers.data}
          days={days.map((d) => d.data ?? { timezone: zone, shifts: [], timeOff: [], busy: [] })}
          slots={slots.map((s) => s.data)}
          appointments={(appointments.data ?? []).filter((a) => a.status !== "cancelled")}
          pendingId={change.isPending && change.variables.kind === "book" ? change.variables.draft.id : null}
          onFree={(worker, start) => setBooking({ worker, start })}
          onAppointment={(a: Appointment) => setOpenId(a.id)}
        />
      )}
      <DeskWaitlist date={date} />
      <BufferOverrideDialog
        open={change.bufferRefusal !== null}
        onConfirm={change.confirmBuffers}
        onClose={change.keepBuffers}
      />
      <Dialog
        open={booking !== null}
        onClose={() => setBooking(null)}
        title={t("bookTitle")}
        closeLabel={common("actions.close")}
      >
        {booking && bookingLocation && (
          <BookForm
            worker={booking.worker}
            location={bookingLocation}
            start={booking.start}
            onCancel={() => setBooking(null)}
            onBook={(body, draft) => {
              setBooking(null);
              change.mutate({ kind: "book", body, draft });
            }}
          />
        )}
      </Dialog>
      <Dialog
        open={open !== undefined}
        onClose={() => setOpenId(null)}
        title={t("appointmentTitle")}
        closeLabel={common("actions.close")}
      >
        {open && (
          <DeskAppointmentDetails
            appointment={open}
            timeZone={zone}
            workers={workers.data ?? []}
            onReschedule={({ start, end, worker }) => {
              setOpenId(null);
              change.mutate({
                kind: "patch",
                id: open.id,
                body: worker ? { start, end, workerId: worker.id } : { start, end },
                optimistic: worker ? { start, end, worker } : { start, end },
              });
            }}
            onStatus={(status) => {
              setOpenId(null);
              change.mutate({ kind: "patch", id: open.id, body: { status } });
            }}
            onCancelAppointment={() => {
              setOpenId(null);
              change.mutate({ kind: "cancel", id: open.id });
            }}
          />
        )}
      </Dialog>
    </div>
  );
}
