import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/states";
import { listLocations } from "@/lib/catalog/locations";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("public.rooms"))("title") };
}

async function RoomList() {
  const [t, rooms] = await Promise.all([
    getTranslations("public.rooms"),
    listLocations({ kind: "room", limit: 200, offset: 0 }),
  ]);
  if (rooms.length === 0) return <EmptyState>{t("empty")}</EmptyState>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {rooms.map((room) => (
        <li key={room.id} className="space-y-1 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-lg font-semibold">
            <Link href={`/rooms/${room.slug}`} className="hover:underline">
              {room.name}
            </Link>
          </h2>
          {room.address && <p className="text-sm text-slate-600">{room.address}</p>}
          {room.description && <p className="text-sm text-slate-700">{room.description}</p>}
        </li>
      ))}
    </ul>
  );
}

export default async function RoomsPage() {
  const t = await getTranslations("public.rooms");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-600">{t("intro")}</p>
      {/* In the first HTML: no skeleton, and nothing hidden from a browser without JavaScript. */}
      <RoomList />
    </section>
  );
}
