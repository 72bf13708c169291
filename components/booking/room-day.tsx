import { getLocale, getTranslations } from "next-intl/server";
import { formatTime } from "@/components/lib/format";
import { zoneName } from "@/components/lib/zone-name";
import { EmptyState } from "@/components/ui/states";
import type { Locale } from "@/i18n/config";
import type { LocationDay } from "@/lib/contract";
import { RoomBookingForm, type RoomConfirm } from "./room-booking-form";

type Room = { id: string; slug: string; timezone: string };

/**
 * One day of a room: its busy times (never who booked), read and drawn on the server, and for a
 * signed-in visitor the booking form (a small island posting to a server action). A refused booking
 * comes back to this page, which then reads the day afresh.
 */
export async function RoomDay({
  room,
  date,
  signedIn,
  schedule,
  confirm,
}: {
  room: Room;
  date: string;
  signedIn: boolean;
  schedule: LocationDay;
  confirm: RoomConfirm;
}) {
  const [t, locale] = await Promise.all([getTranslations("public.rooms"), getLocale() as Promise<Locale>]);
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <section aria-labelledby="busy-heading" className="space-y-3">
        <h2 id="busy-heading" className="text-lg font-semibold">
          {t("busyHeading")}
        </h2>
        <p className="text-sm text-slate-600">{t("timezone", { timezone: zoneName(room.timezone, locale) })}</p>
        {schedule.busy.length === 0 ? (
          <EmptyState>{t("freeAllDay")}</EmptyState>
        ) : (
          <ul aria-label={t("busyHeading")} className="space-y-2">
            {schedule.busy.map((b) => (
              <li key={b.start} className="rounded-md bg-slate-200 px-3 py-2 text-sm">
                <time dateTime={b.start}>{formatTime(b.start, room.timezone, locale)}</time>–
                <time dateTime={b.end}>{formatTime(b.end, room.timezone, locale)}</time>
              </li>
            ))}
          </ul>
        )}
      </section>
      {/* Keyed by the page's idempotency key: each render of the page (say, back with a refusal) starts afresh. */}
      {signedIn && <RoomBookingForm key={confirm.key} room={room.id} date={date} confirm={confirm} />}
    </div>
  );
}
