import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { WorkerDay } from "@/components/me/worker-day";
import { EmptyState } from "@/components/ui/states";
import { requirePageRole } from "@/lib/auth/page";
import { ownWorker } from "@/lib/schedule/own-worker";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("day"))("title") };
}

// The specialist's own day, phone first: today's and the week's appointments of their worker
// record, and their breaks and time off. Installable (app/manifest.ts) and readable offline.
export default async function MyDayPage() {
  const caller = await requirePageRole("worker", "/me/day");
  const [t, worker] = await Promise.all([getTranslations("day"), ownWorker(caller)]);
  return (
    <section className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {worker ? <WorkerDay worker={worker} /> : <EmptyState>{t("noWorker")}</EmptyState>}
    </section>
  );
}
