"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { toast } from "sonner";
import { apiFetch } from "@/components/lib/api-client";
import { formatDay } from "@/components/lib/format";
import { queryKeys } from "@/components/query-keys";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import type { Locale } from "@/i18n/config";
import type { WaitlistEntryJson } from "@/lib/contract";

type List = { items: WaitlistEntryJson[] };

/** The signed-in client's waitlist entries (the API lists only their own, the active ones), each with Leave. */
export function MyWaitlist() {
  const t = useTranslations("waitlist.mine");
  const locale = useLocale() as Locale;
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: queryKeys.waitlist.mine,
    queryFn: ({ signal }) => apiFetch<List>("/waitlist?limit=200", { signal }),
  });
  const leave = useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/waitlist/${id}`, { method: "DELETE" }),
    onSuccess: () => toast.success(t("left")),
    onError: () => toast.error(t("leaveFailed")),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.waitlist.all }),
  });

  return (
    <section aria-labelledby="waitlist-heading" className="space-y-3">
      <h2 id="waitlist-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {list.isPending ? (
        <Skeleton rows={1} label={t("loading")} />
      ) : list.isError ? (
        <ErrorState message={t("error")} retryLabel={t("retry")} onRetry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {list.data.items.map((entry) => {
            const day = formatDay(entry.date, locale);
            return (
              <li
                key={entry.id}
                className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-slate-200 bg-white p-4"
              >
                <div className="min-w-0 space-y-1">
                  <p className="font-medium">{day}</p>
                  <p className="text-sm text-slate-700">
                    {t("with", { service: entry.service.name, worker: entry.worker?.name ?? t("anyWorker") })}
                    {" · "}
                    {entry.from || entry.to
                      ? t("window", { from: entry.from ?? "00:00", to: entry.to ?? "24:00" })
                      : t("wholeDay")}
                  </p>
                  <p className="text-sm text-slate-600">{entry.status === "notified" ? t("notified") : t("waiting")}</p>
                </div>
                <Button
                  variant="secondary"
                  aria-label={t("leaveLabel", { day })}
                  pending={leave.isPending && leave.variables === entry.id}
                  onClick={() => leave.mutate(entry.id)}
                >
                  {t("leave")}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
