"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { ApiError, apiFetch, query } from "@/components/lib/api-client";
import { queryKeys } from "@/components/query-keys";
import { useApiErrorText } from "@/components/ui/api-error-text";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import type { Client } from "@/lib/contract";
import { useDuplicateClients } from "./client-duplicates";
import { useDebounced } from "./use-debounced";

/**
 * Merging another record of this person into this one (POST /clients/{other}/merge): the records
 * sharing this one's phone or email are offered first, any other is found by search; a "yes" in a
 * confirmation merges, and the page reads the record again.
 */
export function ClientMerge({ client }: { client: Client }) {
  const t = useTranslations("people.merge");
  const errorText = useApiErrorText();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [q, setQ] = useState("");
  const [picked, setPicked] = useState<Client | null>(null);
  const search = useDebounced(q.trim());
  const duplicates = useDuplicateClients(client.phone ?? "", client.email ?? "", client.id);
  const found = useQuery({
    queryKey: queryKeys.clients.search(search, 8),
    enabled: search.length >= 2,
    queryFn: ({ signal }) =>
      apiFetch<{ items: Client[] }>(`/clients${query({ q: search, limit: 8 })}`, { signal }).then((r) => r.items),
  });
  const merge = useMutation({
    mutationFn: (from: Client) =>
      apiFetch<Client>(`/clients/${from.id}/merge`, { method: "POST", body: { intoId: client.id } }),
    onSuccess: () => {
      toast.success(t("done"));
      setPicked(null);
      setQ("");
      queryClient.invalidateQueries({ queryKey: queryKeys.clients.all });
      queryClient.invalidateQueries({ queryKey: queryKeys.appointments.all });
      router.refresh();
    },
    onError: (err) => {
      setPicked(null);
      toast.error(err instanceof ApiError && err.code === "client_busy" ? t("busy") : errorText(err));
    },
  });
  const candidates = [...(duplicates.data ?? []), ...(search.length >= 2 ? (found.data ?? []) : [])].filter(
    (c, i, all) => c.id !== client.id && all.findIndex((o) => o.id === c.id) === i,
  );
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <Field label={t("search")} hint={t("searchHint")}>
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} className={inputClass} />
      </Field>
      <div aria-live="polite">
        {candidates.length > 0 ? (
          <ul aria-label={t("results")} className="space-y-2">
            {candidates.map((c) => (
              <li
                key={c.id}
                className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm"
              >
                <div className="min-w-0 flex-1">
                  <p className="font-medium break-words">{c.name}</p>
                  <p className="break-all text-slate-600">{[c.phone, c.email].filter(Boolean).join(" · ")}</p>
                </div>
                <Button variant="secondary" onClick={() => setPicked(c)} aria-label={t("pick", { name: c.name })}>
                  {t("merge")}
                </Button>
              </li>
            ))}
          </ul>
        ) : search.length >= 2 && found.isSuccess ? (
          <p className="text-sm text-slate-600">{t("none")}</p>
        ) : null}
      </div>
      <ConfirmDialog
        open={picked !== null}
        title={t("confirmTitle")}
        confirmLabel={t("confirm")}
        cancelLabel={t("keep")}
        pending={merge.isPending}
        onConfirm={() => picked && merge.mutate(picked)}
        onClose={() => setPicked(null)}
      >
        <p className="text-sm">{t("confirmText", { from: picked?.name ?? "", into: client.name })}</p>
      </ConfirmDialog>
    </div>
  );
}
