"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch, query } from "@/components/lib/api-client";
import { formatInZone } from "@/components/lib/format";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import type { Locale } from "@/i18n/config";
import type { OutboxMessage } from "@/lib/contract";

const PAGE = 20;

/** The outbox: what would have been sent with no SMTP_URL set, newest first, exactly as it would go out. */
export function OutboxList() {
  const t = useTranslations("common.notifications");
  const common = useTranslations("common");
  const locale = useLocale() as Locale;
  const [offset, setOffset] = useState(0);
  const list = useQuery({
    queryKey: ["outbox", offset],
    queryFn: ({ signal }) =>
      apiFetch<{ items: OutboxMessage[] }>(`/outbox${query({ limit: PAGE, offset })}`, { signal }).then((r) => r.items),
  });
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t("outbox.intro")}</p>
      {list.isPending ? (
        <Skeleton label={common("loading")} />
      ) : list.isError ? (
        <ErrorState
          message={common("states.loadFailed")}
          retryLabel={common("actions.retry")}
          onRetry={() => list.refetch()}
        />
      ) : list.data.length === 0 ? (
        <EmptyState>{offset === 0 ? t("outbox.empty") : t("outbox.noMore")}</EmptyState>
      ) : (
        <ul aria-label={t("outbox.list")} className="space-y-3">
          {list.data.map((m) => (
            <li key={m.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
              <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between">
                <p className="min-w-0 break-words font-medium">{m.subject}</p>
                <time dateTime={m.createdAt} className="shrink-0 text-xs text-slate-600">
                  {formatInZone(m.createdAt, zone, "d MMM yyyy, HH:mm", locale)}
                </time>
              </div>
              <p className="break-all text-slate-600">
                {t("outbox.to", { to: m.to })} · {t(`kinds.${m.kind}`)}
                {m.hasCalendar ? ` · ${t("outbox.calendar")}` : ""}
              </p>
              <details className="mt-2">
                <summary className="cursor-pointer text-brand-dark underline">{t("outbox.show")}</summary>
                <pre className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-2 font-sans">
                  {m.text}
                </pre>
              </details>
            </li>
          ))}
        </ul>
      )}
      {/* Paging only where there is somewhere to go: not under an empty outbox's first page. */}
      {(offset > 0 || (list.data?.length ?? 0) >= PAGE) && (
        <div className="flex gap-2">
          <Button variant="secondary" disabled={offset === 0} onClick={() => setOffset((o) => Math.max(0, o - PAGE))}>
            {t("outbox.newer")}
          </Button>
          <Button
            variant="secondary"
            disabled={!list.data || list.data.length < PAGE}
            onClick={() => setOffset((o) => o + PAGE)}
          >
            {t("outbox.older")}
          </Button>
        </div>
      )}
    </div>
  );
}
