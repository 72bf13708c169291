import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache, Suspense } from "react";
import { TimeOffPanel } from "@/components/manage/time-off-panel";
import { WeekCalendar } from "@/components/manage/week-calendar";
import { type ScheduleWorker, WeeklyScheduleEditor } from "@/components/manage/weekly-schedule-form";
import { Skeleton } from "@/components/ui/states";
import { AppError } from "@/lib/errors";
import { workerOr404 } from "@/lib/schedule/refs";
import { refSchema } from "@/lib/validation/common";

type Props = { params: Promise<{ ref: string }> };

/**
 * The worker, read once per request (metadata, page and sections share it); 404 when there is none,
 * also for a reference no worker can have (one the API's refSchema refuses, such as a NUL byte).
 */
const loadWorker = cache(async (ref: string): Promise<ScheduleWorker> => {
  const parsed = refSchema.safeParse(safeDecode(ref));
  if (!parsed.success) notFound();
  try {
    const w = await workerOr404(parsed.data);
    return { id: w.id, slug: w.slug, name: w.name, locationId: w.locationId, timeZone: w.timezone };
  } catch (err) {
    if (err instanceof AppError && err.status === 404) notFound();
    throw err;
  }
});

function safeDecode(ref: string): string | null {
  try {
    return decodeURIComponent(ref);
  } catch {
    return null;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("manage.schedule");
  const { ref } = await params;
  const worker = await loadWorker(ref);
  return { title: t("title", { name: worker.name }) };
}

async function ScheduleSections({ workerRef }: { workerRef: string }) {
  const [worker, t] = await Promise.all([loadWorker(workerRef), getTranslations("manage.schedule")]);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title", { name: worker.name })}</h1>
      <p className="text-sm text-slate-600">{t("zoneNote", { zone: worker.timeZone })}</p>
      <section aria-labelledby="weekly-heading" className="space-y-3">
        <h2 id="weekly-heading" className="text-xl font-semibold">
          {t("weeklyTitle")}
        </h2>
        <WeeklyScheduleEditor worker={worker} />
      </section>
      <section aria-labelledby="calendar-heading" className="space-y-3">
        <h2 id="calendar-heading" className="text-xl font-semibold">
          {t("calendarTitle")}
        </h2>
        <WeekCalendar worker={worker} />
      </section>
      <section aria-labelledby="time-off-heading" className="space-y-3">
        <h2 id="time-off-heading" className="text-xl font-semibold">
          {t("timeOffTitle")}
        </h2>
        <TimeOffPanel worker={worker} />
      </section>
    </>
  );
}

export default async function WorkerSchedulePage({ params }: Props) {
  const [{ ref }, t, common] = await Promise.all([
    params,
    getTranslations("manage.schedule"),
    getTranslations("common"),
  ]);
  // Before anything streams: an unknown worker answers a real 404, not a 200 that says "not found".
  await loadWorker(ref);
  return (
    <div className="space-y-6">
      <Link href="/manage/workers" className="text-sm text-brand-dark underline">
        {t("back")}
      </Link>
      <Suspense fallback={<Skeleton label={common("loading")} rows={5} />}>
        <ScheduleSections workerRef={ref} />
      </Suspense>
    </div>
  );
}
