"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { apiFetch } from "@/components/lib/api-client";
import { formatInZone } from "@/components/lib/format";
import { ErrorState, Skeleton } from "@/components/ui/states";
import type { Locale } from "@/i18n/config";
import type { NotificationJson } from "@/lib/contract";

export const notificationsKey = (appointmentId: string) => ["notifications", appointmentId] as const;

const STATUS_CLASS: Record<NotificationJson["status"], string> = {
  pending: "bg-amber-100 text-amber-900",
  sent: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-900",
};

/**
 * The emails about an appointment: what, to whom, whether it went (or was kept in the outbox), how
 * many tries and the last error. Shown in the desk's and the client's appointment details.
 */
export function NotificationsPanel({ appointmentId, timeZone }: { appointmentId: string; timeZone?: string }) {
  const t = useTranslations("common.notifications");
  const common = useTranslations("common");
  const locale = useLocale() as Locale;
  const list = useQuery({
    queryKey: notificationsKey(appointmentId),
    queryFn: ({ signal }) =>
      apiFetch<{ items: NotificationJson[] }>(`/appointments/${appointmentId}/notifications`, { signal }).then(
        (r) => r.items,
      ),
  });
  const when = (instant: string) =>
    formatInZone(instant, timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone, "d MMM yyyy, HH:mm", locale);
  return (
    <section aria-labelledby={`notifications-${appointmentId}`} className="space-y-2">
      <h2 id={`notifications-${appointmentId}`} className="text-base font-semibold">
        {t("title")}
      </h2>
      {list.isPending ? (
        <Skeleton label={common("loading")} rows={1} />
      ) : list.isError ? (
        <ErrorState
          message={common("states.loadFailed")}
          retryLabel={common("actions.retry")}
          onRetry={() => list.refetch()}
        />
      ) : list.data.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white text-sm">
          {list.data.map((n) => (
            <li key={n.id} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-start sm:justify-between">
              <div className="min-w-0">
                <p className="font-medium">{t(`kinds.${n.kind}`)}</p>
                <p className="break-all text-slate-600">{n.to}</p>
                {n.error && <p className="break-words text-red-800">{t("error", { error: n.error })}</p>}
              </div>
              <div className="flex shrink-0 flex-col gap-1 sm:items-end">
                <span className={`w-fit rounded px-2 py-0.5 text-xs font-medium ${STATUS_CLASS[n.status]}`}>
                  {n.outbox ? t("statuses.outbox") : t(`statuses.${n.status}`)}
                </span>
                <span className="text-xs text-slate-600">
                  {n.sentAt
                    ? t("sentAt", { when: when(n.sentAt) })
                    : n.status === "pending"
                      ? t("scheduledFor", { when: when(n.scheduledFor) })
                      : null}
                </span>
                {n.attempts > 1 && (
                  <span className="text-xs text-slate-600">{t("attempts", { count: n.attempts })}</span>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
