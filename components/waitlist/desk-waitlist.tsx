"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { apiFetch, query } from "@/components/lib/api-client";
import { formatDateTime } from "@/components/lib/format";
import { queryKeys } from "@/components/query-keys";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import type { Locale } from "@/i18n/config";
import type { WaitlistEntryJson } from "@/lib/contract";

type List = { items: WaitlistEntryJson[] };

/**
 * The desk's waitlist of one day: everyone waiting for it, in order of joining (GET /waitlist?date=).
 * The desk can take someone off it (a client who called to say the day no longer suits them), after
 * a confirmation: they get no more emails about the day.
 */
export function DeskWaitlist({ date }: { date: string }) {
  const t = useTranslations("waitlist.desk");
  const locale = useLocale() as Locale;
  const list = useQuery({
    queryKey: queryKeys.waitlist.day(date),
    queryFn: ({ signal }) => apiFetch<List>(`/waitlist${query({ date, limit: 200 })}`, { signal }),
  });
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<WaitlistEntryJson | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/waitlist/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      toast.success(t("removed"));
      setRemoving(null);
    },
    onError: () => toast.error(t("removeFailed")),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.waitlist.all }),
  });

  return (
    <section aria-labelledby="desk-waitlist-heading" className="space-y-2">
      <h2 id="desk-waitlist-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {list.isPending ? (
        <Skeleton rows={1} label={t("loading")} />
      ) : list.isError ? (
        <ErrorState message={t("error")} retryLabel={t("retry")} onRetry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ol className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
          {list.data.items.map((entry) => (
            <li key={entry.id} className="grid gap-1 p-3 text-sm sm:grid-cols-4 sm:gap-3">
              <div className="min-w-0">
                <span className="sr-only">{t("client")}: </span>
                <span className="font-medium">{entry.client.name}</span>
                {entry.client.phone && <span className="block text-slate-600">{entry.client.phone}</span>}
              </div>
              <div className="min-w-0 sm:col-span-2">
                <span className="sr-only">{t("wants")}: </span>
                {entry.service.name} · {entry.worker?.name ?? t("anyWorker")} ·{" "}
                {entry.from || entry.to ? `${entry.from ?? "00:00"}–${entry.to ?? "24:00"}` : t("wholeDay")}
              </div>
              <div className="text-slate-600">
                <span className="sr-only">{t("status")}: </span>
                {t(`statuses.${entry.status}`)}
                <span className="block text-xs">
                  {t("joined")}: {formatDateTime(entry.createdAt, entry.timezone, locale)}
                </span>
                {(entry.status === "waiting" || entry.status === "notified") && (
                  <Button
                    variant="secondary"
                    className="mt-2"
                    aria-label={t("removeLabel", { name: entry.client.name })}
                    onClick={() => setRemoving(entry)}
                  >
                    {t("remove")}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t("removeTitle")}
        confirmLabel={t("remove")}
        cancelLabel={t("keep")}
        pending={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing.id)}
        onClose={() => setRemoving(null)}
      >
        <p>{t("removeText", { name: removing?.client.name ?? "" })}</p>
      </ConfirmDialog>
    </section>
  );
}
