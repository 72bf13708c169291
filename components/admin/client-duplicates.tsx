"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { apiFetch, query } from "@/components/lib/api-client";
import { queryKeys } from "@/components/query-keys";
import type { Client } from "@/lib/contract";
import { useDebounced } from "./use-debounced";

const MIN_PHONE_DIGITS = 5;

/**
 * The records that share a phone's digits or an email with what is typed (GET /clients/duplicates),
 * asked once per pause in typing. Empty input asks nothing.
 */
export function useDuplicateClients(phone: string, email: string, excludeId?: string) {
  // Strings, not an object: a new object each render would restart the pause forever.
  const settled = { phone: useDebounced(phone.trim(), 400), email: useDebounced(email.trim(), 400) };
  const phoneOk = settled.phone.replace(/\D/g, "").length >= MIN_PHONE_DIGITS;
  const emailOk = settled.email.includes("@");
  const params = { phone: phoneOk ? settled.phone : "", email: emailOk ? settled.email : "" };
  return useQuery({
    queryKey: queryKeys.clients.duplicates(params.phone, params.email, excludeId),
    enabled: phoneOk || emailOk,
    queryFn: ({ signal }) =>
      apiFetch<{ items: Client[] }>(
        `/clients/duplicates${query({ phone: params.phone || undefined, email: params.email || undefined, excludeId })}`,
        { signal },
      ).then((r) => r.items),
  });
}

/**
 * "This person may already be on file": a polite live region, so a screen reader hears it once it
 * appears without losing its place in the form; each match links to its card.
 */
export function DuplicateWarning({ matches }: { matches: Client[] | undefined }) {
  const t = useTranslations("people.duplicates");
  return (
    <div aria-live="polite">
      {matches && matches.length > 0 && (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p className="font-semibold">{t("title")}</p>
          <p>{t("intro")}</p>
          <ul className="space-y-1">
            {matches.map((c) => (
              <li key={c.id}>
                <Link href={`/admin/clients/${c.id}`} className="underline" aria-label={t("open", { name: c.name })}>
                  {c.name}
                </Link>
                <span className="break-all text-amber-900"> {[c.phone, c.email].filter(Boolean).join(" · ")}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
