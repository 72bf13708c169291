"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { apiFetch } from "@/components/lib/api-client";
import { queryKeys } from "@/components/query-keys";
import { Button } from "@/components/ui/button";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { WEBHOOK_EVENT_TYPES, type WebhookDelivery, type WebhookEventType } from "@/lib/contract";
import { eventKey } from "./event-key";

const STATUS_CLASS: Record<WebhookDelivery["status"], string> = {
  pending: "bg-amber-100 text-amber-900",
  succeeded: "bg-green-100 text-green-800",
  failed: "bg-red-100 text-red-800",
};

/** An endpoint's recent delivery tries, looked at again every few seconds while one is pending. */
export function WebhookDeliveryLog({ endpointId }: { endpointId: string }) {
  const t = useTranslations("manage.webhooks.deliveries");
  const events = useTranslations("manage.webhooks.events");
  const common = useTranslations("common");
  const locale = useLocale();
  const log = useQuery({
    queryKey: queryKeys.webhooks.deliveries(endpointId),
    queryFn: ({ signal }) =>
      apiFetch<{ items: WebhookDelivery[] }>(`/webhooks/${endpointId}/deliveries?limit=50`, { signal }).then(
        (r) => r.items,
      ),
    // While a try is pending, look again every few seconds.
    refetchInterval: (query) => (query.state.data?.some((d) => d.status === "pending") ? 3_000 : false),
  });
  const time = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium" }).format(new Date(iso));
  const typeName = (type: string) =>
    (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type)
      ? events(eventKey(type as WebhookEventType))
      : t("testEvent");
  if (log.isPending) return <Skeleton rows={2} label={common("loading")} />;
  if (log.isError)
    return (
      <ErrorState
        message={common("states.loadFailed")}
        retryLabel={common("actions.retry")}
        onRetry={() => log.refetch()}
      />
    );
  return (
    <section aria-label={t("title")} className="space-y-2 border-t border-slate-200 pt-3">
      <div className="flex items-center justify-between gap-2">
        <h3 className="font-medium">{t("title")}</h3>
        <Button variant="ghost" pending={log.isFetching} onClick={() => log.refetch()}>
          {t("refresh")}
        </Button>
      </div>
      {log.data.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ol className="space-y-2">
          {log.data.map((d) => (
            <li
              key={d.id}
              data-testid="webhook-delivery"
              className="grid grid-cols-1 gap-1 rounded-md bg-slate-50 p-2 text-sm sm:grid-cols-[10rem_1fr_auto]"
            >
              <span className="text-slate-700">{time(d.attemptedAt ?? d.scheduledAt)}</span>
              <span className="min-w-0 break-words">
                {typeName(d.type)} · {t("attempt", { n: d.attempt })}
                {d.error && <span className="block break-words text-slate-600">{d.error}</span>}
                {d.status === "failed" && (
                  <span className="block text-slate-600">
                    {d.nextAttemptAt ? t("retryAt", { time: time(d.nextAttemptAt) }) : t("gaveUp")}
                  </span>
                )}
              </span>
              <span className="flex items-start gap-2 sm:justify-end">
                {d.statusCode !== null && <code data-testid="webhook-status-code">{d.statusCode}</code>}
                <span className={`rounded px-2 py-0.5 text-xs ${STATUS_CLASS[d.status]}`}>
                  {t(`status.${d.status}`)}
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
