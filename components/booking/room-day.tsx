"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { ApiError, apiFetch, query } from "@/components/lib/api-client";
import { idempotencyKeys, roomInterval } from "@/components/lib/booking";
import { formatTime } from "@/components/lib/format";
import type { RoomRefusal } from "@/components/lib/room-url";
import { zoneName } from "@/components/lib/zone-name";
import { queryKeys } from "@/components/query-keys";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import type { Locale } from "@/i18n/config";
import type { Appointment, LocationDay } from "@/lib/contract";
import { isoWeekdayOf } from "@/lib/time/zoned";
import { appointmentCreateSchema } from "@/lib/validation/appointments";
import { weeklyRuleSchema } from "@/lib/validation/schedules";

type Room = { id: string; slug: string; timezone: string };

/**
 * Where the form posts when no script has taken it over (a server action booking through the same
 * use case as the API), the Idempotency-Key made with the page, and why the last such post was refused.
 */
type Confirm = { action: (form: FormData) => Promise<never>; key: string; refused?: RoomRefusal };

const REFUSAL_TEXT = {
  slot_taken: "taken",
  client_busy: "clientBusy",
  in_past: "inPast",
  not_available: "unavailable",
  invalid: "invalid",
  failed: "failed",
} as const;

/**
 * One day of a room: its busy times (never who booked) and, for a signed-in visitor, a booking form.
 * `initial` is the day the server rendered the page with, so it reads right without script.
 */
export function RoomDay({
  room,
  date,
  signedIn,
  initial,
  confirm,
}: {
  room: Room;
  date: string;
  signedIn: boolean;
  initial?: LocationDay;
  confirm: Confirm;
}) {
  const t = useTranslations("public.rooms");
  const locale = useLocale() as Locale;
  const schedule = useQuery({
    queryKey: queryKeys.roomDay(room.slug, date),
    queryFn: ({ signal }) => apiFetch<LocationDay>(`/locations/${room.slug}/schedule${query({ date })}`, { signal }),
    initialData: initial,
  });
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <section aria-labelledby="busy-heading" className="space-y-3">
        <h2 id="busy-heading" className="text-lg font-semibold">
          {t("busyHeading")}
        </h2>
        <p className="text-sm text-slate-600">{t("timezone", { timezone: zoneName(room.timezone, locale) })}</p>
        {schedule.isPending ? (
          <Skeleton rows={2} label={t("loadingBusy")} />
        ) : schedule.isError ? (
          <ErrorState message={t("busyError")} retryLabel={t("retry")} onRetry={() => schedule.refetch()} />
        ) : schedule.data.busy.length === 0 ? (
          <EmptyState>{t("freeAllDay")}</EmptyState>
        ) : (
          <ul aria-label={t("busyHeading")} className="space-y-2">
            {schedule.data.busy.map((b) => (
              <li key={b.start} className="rounded-md bg-slate-200 px-3 py-2 text-sm">
                <time dateTime={b.start}>{formatTime(b.start, room.timezone, locale)}</time>–
                <time dateTime={b.end}>{formatTime(b.end, room.timezone, locale)}</time>
              </li>
            ))}
          </ul>
        )}
      </section>
      {signedIn && <RoomBookingForm room={room} date={date} confirm={confirm} onTaken={() => schedule.refetch()} />}
    </div>
  );
}

function RoomBookingForm({
  room,
  date,
  confirm,
  onTaken,
}: {
  room: Room;
  date: string;
  confirm: Confirm;
  onTaken: () => void;
}) {
  const t = useTranslations("public.rooms");
  const router = useRouter();
  const { errors: issues, check } = useFieldErrors();
  const [refusal, setRefusal] = useState(confirm.refused ? t(REFUSAL_TEXT[confirm.refused]) : "");
  const keys = useRef(idempotencyKeys());
  const book = useMutation({
    mutationFn: (body: { locationId: string; start: string; end: string }) =>
      apiFetch<Appointment>("/appointments", {
        method: "POST",
        headers: { "Idempotency-Key": keys.current.keyFor(body) },
        body,
      }),
    onSuccess: (appointment) => {
      toast.success(t("booked"));
      router.push(`/appointments/${appointment.id}`);
    },
    onError: (err) => {
      // A refused interval is a new attempt next time; a lost answer is retried with the same key.
      if (err instanceof ApiError && err.status >= 400 && err.status < 500) keys.current.forget();
      if (err instanceof ApiError && err.code === "slot_taken") {
        setRefusal(t("taken"));
        onTaken();
      } else if (err instanceof ApiError && err.code === "client_busy") {
        setRefusal(t("clientBusy"));
      } else if (err instanceof ApiError && err.code === "not_available") {
        setRefusal(t(err.details.reason === "in_past" ? "inPast" : "unavailable"));
      } else {
        toast.error(t("failed"));
      }
    },
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const start = String(form.get("start") ?? "");
    const end = String(form.get("end") ?? "");
    // Wall times checked by the same rule as a weekly schedule's: HH:MM, the end after the start.
    setRefusal("");
    if (!check(weeklyRuleSchema, { weekday: isoWeekdayOf(date), start, end })) return;
    const body = { locationId: room.id, ...roomInterval(date, start, end, room.timezone) };
    // Then the API's own body schema (an interval too long for one appointment, say).
    if (check(appointmentCreateSchema, body)) book.mutate(body);
  }

  return (
    <section aria-labelledby="book-room-heading" className="space-y-3">
      <h2 id="book-room-heading" className="text-lg font-semibold">
        {t("bookHeading")}
      </h2>
      <form
        action={confirm.action}
        onSubmit={onSubmit}
        noValidate
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      >
        <input type="hidden" name="room" value={room.id} />
        <input type="hidden" name="date" value={date} />
        <input type="hidden" name="key" value={confirm.key} />
        <div className="grid grid-cols-2 gap-3">
          <Field label={t("from")} error={issues.start && t("errors.start")}>
            <input name="start" type="time" step={900} required className={inputClass} />
          </Field>
          <Field label={t("until")} error={issues.end && t("errors.end")}>
            <input name="end" type="time" step={900} required className={inputClass} />
          </Field>
        </div>
        {refusal && (
          <p role="alert" className="text-sm text-red-700">
            {refusal}
          </p>
        )}
        <Button type="submit" pending={book.isPending}>
          {book.isPending ? t("booking") : t("book")}
        </Button>
      </form>
    </section>
  );
}
