import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { query } from "@/components/lib/api-client";
import { EmptyState } from "@/components/ui/states";
import { listWorkersJson } from "@/lib/catalog/worker-json";
import type { Worker } from "@/lib/contract";
import { NextSlot } from "./next-slot";
import { WorkerAvatar } from "./worker-avatar";
import type { WorkerFilterValues } from "./worker-filters";

/** The service a card's "next free slot" is for: the one searched for, else the worker's shortest. */
function cardService(worker: Worker, service?: string) {
  const searched = worker.services.find((s) => s.slug === service || s.id === service);
  return searched ?? [...worker.services].sort((a, b) => a.durationMinutes - b.durationMinutes)[0];
}

/** Workers per page of the home page. */
export const WORKERS_PER_PAGE = 24;

/** The workers matching the filters, each with photo, specialty, location and next free slot. */
export async function WorkerDirectory({ filters, page }: { filters: WorkerFilterValues; page: number }) {
  const t = await getTranslations("public.workers");
  // One more than a page, to know whether a next page exists.
  const found = await listWorkersJson({
    ...filters,
    limit: WORKERS_PER_PAGE + 1,
    offset: (page - 1) * WORKERS_PER_PAGE,
    includeInactive: false,
  });
  const workers = found.slice(0, WORKERS_PER_PAGE);
  if (workers.length === 0) return <EmptyState>{t("empty")}</EmptyState>;
  const pageHref = (n: number) => `/${query({ ...filters, page: n > 1 ? n : undefined })}`;
  const pageLink = "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50";
  return (
    <>
      <ul aria-label={t("listLabel")} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {workers.map((worker) => {
          const service = cardService(worker, filters.service);
          return (
            <li key={worker.id} className="flex gap-4 rounded-lg border border-slate-200 bg-white p-4">
              <WorkerAvatar name={worker.name} url={worker.avatarUrl} />
              <div className="min-w-0 space-y-1">
                <h2 className="text-lg font-semibold">
                  <Link href={`/workers/${worker.slug}`} className="hover:underline">
                    {worker.name}
                  </Link>
                </h2>
                {worker.specialty && <p className="text-sm text-slate-700">{worker.specialty.name}</p>}
                {worker.location && (
                  <p className="text-sm text-slate-600">
                    {worker.location.name}
                    {worker.location.address && `, ${worker.location.address}`}
                  </p>
                )}
                {service ? (
                  <NextSlot workerSlug={worker.slug} serviceSlug={service.slug} />
                ) : (
                  <p className="text-sm text-slate-600">{t("noServices")}</p>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {(page > 1 || found.length > WORKERS_PER_PAGE) && (
        <nav aria-label={t("pagination")} className="mt-4 flex justify-between gap-2">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className={pageLink}>
              {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          {found.length > WORKERS_PER_PAGE && (
            <Link href={pageHref(page + 1)} className={pageLink}>
              {t("next")}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
