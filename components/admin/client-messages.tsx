"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatInZone } from "@/components/lib/format";
import type { Locale } from "@/i18n/config";
import type { NotificationJson } from "@/lib/contract";

export type ClientMessageItem = Pick<NotificationJson, "id" | "kind" | "to" | "status" | "outbox" | "sentAt"> & {
  subject: string;
  createdAt: string;
};

const STATUS_CLASS: Record<NotificationJson["status"], string> = {
  pending: "bg-amber-100 text-amber-900",
  sent: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-900",
};

/**
 * The emails sent about a client's appointments, newest first, read on the server. Times are shown
 * in the browser's zone (the server's may differ, so that text alone is not hydrated).
 */
export function ClientMessages({ items }: { items: ClientMessageItem[] }) {
  const t = useTranslations("common.notifications");
  const card = useTranslations("people.card");
  const locale = useLocale() as Locale;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (items.length === 0) return <p className="text-sm text-slate-600">{card("noMessages")}</p>;
  return (
    <ul
      aria-label={card("messagesList")}
      className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white text-sm"
    >
      {items.map((n) => (
        <li key={n.id} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <p className="font-medium">{t(`kinds.${n.kind}`)}</p>
            <p className="break-words">{n.subject}</p>
            <p className="break-all text-slate-600">{n.to}</p>
          </div>
          <div className="flex shrink-0 flex-col gap-1 sm:items-end">
            <span className={`w-fit rounded px-2 py-0.5 text-xs font-medium ${STATUS_CLASS[n.status]}`}>
              {n.outbox ? t("statuses.outbox") : t(`statuses.${n.status}`)}
            </span>
            <time dateTime={n.sentAt ?? n.createdAt} className="text-xs text-slate-600" suppressHydrationWarning>
              {formatInZone(n.sentAt ?? n.createdAt, zone, "d MMM yyyy, HH:mm", locale)}
            </time>
          </div>
        </li>
      ))}
    </ul>
  );
}
