"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch, query } from "@/components/lib/api-client";
import { queryKeys } from "@/components/query-keys";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import type { Client } from "@/lib/contract";
import { ClientForm } from "./client-form";
import { useDebounced } from "./use-debounced";

/** The desk's clients: search by name, phone or email; each links to the client's page. */
export function ClientList() {
  const t = useTranslations("admin.clients");
  const common = useTranslations("common");
  const router = useRouter();
  const [q, setQ] = useState("");
  const [creating, setCreating] = useState(false);
  const search = useDebounced(q.trim());
  const list = useQuery({
    queryKey: queryKeys.clients.search(search, 50),
    queryFn: ({ signal }) =>
      apiFetch<{ items: Client[] }>(`/clients${query({ q: search, limit: 50 })}`, { signal }).then((r) => r.items),
  });
  return (
    <div className="space-y-4">
      <div>
        <Button onClick={() => setCreating(true)}>{t("new")}</Button>
      </div>
      <Field label={t("search")} hint={t("searchHint")}>
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} className={inputClass} />
      </Field>
      {list.isPending ? (
        <Skeleton label={common("loading")} />
      ) : list.isError ? (
        <ErrorState
          message={common("states.loadFailed")}
          retryLabel={common("actions.retry")}
          onRetry={() => list.refetch()}
        />
      ) : list.data.length === 0 ? (
        <EmptyState>{search ? t("noMatch") : t("empty")}</EmptyState>
      ) : (
        <ul aria-label={t("list")} className="space-y-2">
          {list.data.map((c) => (
            <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-3">
              <Link href={`/admin/clients/${c.id}`} className="font-medium text-brand-dark underline break-words">
                {c.name}
              </Link>
              <p className="text-sm break-all text-slate-600">{[c.phone, c.email].filter(Boolean).join(" · ")}</p>
            </li>
          ))}
        </ul>
      )}
      <Dialog open={creating} onClose={() => setCreating(false)} title={t("new")} closeLabel={common("actions.close")}>
        <ClientForm
          onDone={(saved) => {
            setCreating(false);
            router.push(`/admin/clients/${saved.id}`);
          }}
        />
      </Dialog>
    </div>
  );
}
