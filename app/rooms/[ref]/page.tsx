import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RoomDay } from "@/components/booking/room-day";
import { bookableDays } from "@/components/lib/booking";
import { roomRefusalSchema } from "@/components/lib/room-url";
import { DayPicker } from "@/components/public/day-picker";
import { getPageCaller } from "@/lib/auth/page";
import { todayIn } from "@/lib/availability/calendar";
import { locationSchedule } from "@/lib/availability/schedules";
import { findLocation } from "@/lib/catalog/locations";
import { refSchema } from "@/lib/validation/common";
import { bookRoom } from "./actions";

/** How many days ahead the room page offers; rooms have no booking horizon of their own. */
const ROOM_DAYS = 30;

type Props = { params: Promise<{ ref: string }>; searchParams: Promise<{ date?: string; refused?: string }> };

/** The room a reference names; one the API would refuse (a control character, too long) names none. */
async function findRoom(ref: string) {
  if (!refSchema.safeParse(ref).success) return undefined;
  const room = await findLocation(ref);
  return room?.kind === "room" ? room : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const room = await findRoom((await params).ref);
  return { title: room?.name ?? (await getTranslations("common.notFound"))("title") };
}

export default async function RoomPage({ params, searchParams }: Props) {
  const [{ ref }, search, t, caller] = await Promise.all([
    params,
    searchParams,
    getTranslations("public.rooms"),
    getPageCaller(),
  ]);
  const room = await findRoom(ref);
  if (!room) notFound();
  const days = bookableDays(todayIn(new Date(), room.timezone), ROOM_DAYS - 1);
  const date = search.date && days.includes(search.date) ? search.date : (days[0] as string);
  const here = `/rooms/${room.slug}?date=${date}`;
  // On the server: the busy times are drawn there (a refused booking comes back here and reads them afresh).
  const schedule = await locationSchedule(room.id, { date }, new Date());
  return (
    <article className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{room.name}</h1>
        {room.address && <p className="text-sm text-slate-600">{room.address}</p>}
        {room.description && <p className="max-w-prose text-slate-700">{room.description}</p>}
      </header>
      <DayPicker days={days} chosen={date} label={t("day")} hrefFor={(d) => `/rooms/${room.slug}?date=${d}`} />
      <RoomDay
        key={date}
        room={{ id: room.id, slug: room.slug, timezone: room.timezone }}
        date={date}
        signedIn={caller !== null}
        schedule={schedule}
        confirm={{ action: bookRoom, key: randomUUID(), refused: roomRefusalSchema.parse(search.refused) }}
      />
      {!caller && (
        <p className="text-sm">
          <Link href={`/login?callbackUrl=${encodeURIComponent(here)}`} className="text-brand-dark underline">
            {t("signInToBook")}
          </Link>
        </p>
      )}
    </article>
  );
}
