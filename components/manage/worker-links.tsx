"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { ApiError, apiFetch } from "@/components/lib/api-client";
import { queryKeys } from "@/components/query-keys";
import { useApiErrorText } from "@/components/ui/api-error-text";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ErrorState, Skeleton } from "@/components/ui/states";
import type { User, Worker } from "@/lib/contract";
import { useItems } from "./use-resource";

/**
 * Links a specialist's account (role worker) to the worker record whose day they see
 * (PATCH /workers/{ref} { userId }); "Not linked" unlinks. One account links to one record.
 */
export function WorkerLinks() {
  const t = useTranslations("manage.staffLink");
  const common = useTranslations("common");
  const workers = useItems<Worker>("workers");
  const accounts = useItems<User>("users", { role: "worker" });
  if (workers.isPending || accounts.isPending) return <Skeleton label={common("loading")} />;
  if (workers.isError || accounts.isError) {
    return (
      <ErrorState
        message={common("states.loadFailed")}
        retryLabel={common("actions.retry")}
        onRetry={() => Promise.all([workers.refetch(), accounts.refetch()])}
      />
    );
  }
  return (
    <section aria-labelledby="worker-links-heading" className="space-y-3">
      <h2 id="worker-links-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      {accounts.data.length === 0 && <p className="text-sm text-slate-600">{t("noAccounts")}</p>}
      <ul className="space-y-2">
        {workers.data.map((worker) => (
          <li key={worker.id}>
            <WorkerLinkRow worker={worker} accounts={accounts.data} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function WorkerLinkRow({ worker, accounts }: { worker: Worker; accounts: User[] }) {
  const t = useTranslations("manage.staffLink");
  const errorText = useApiErrorText();
  const client = useQueryClient();
  const [userId, setUserId] = useState(worker.userId ?? "");
  const save = useMutation({
    mutationFn: () => apiFetch<Worker>(`/workers/${worker.id}`, { method: "PATCH", body: { userId: userId || null } }),
    onSuccess: (saved) => {
      toast.success(saved.userId ? t("saved") : t("unlinked"));
      return client.invalidateQueries({ queryKey: queryKeys.catalog.all("workers") });
    },
    onError: (err) =>
      toast.error(err instanceof ApiError && err.code === "already_exists" ? t("taken") : errorText(err)),
  });
  const selectId = `link-${worker.id}`;
  return (
    <form
      className="flex flex-wrap items-end gap-2 rounded-md border border-slate-200 bg-white p-3"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <div className="min-w-48 flex-1 space-y-1">
        <label htmlFor={selectId} className="block text-sm font-medium">
          {worker.name}
        </label>
        <select id={selectId} value={userId} onChange={(e) => setUserId(e.target.value)} className={inputClass}>
          <option value="">{t("none")}</option>
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {account.name} · {account.email}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary" pending={save.isPending} disabled={userId === (worker.userId ?? "")}>
        {t("save")}
      </Button>
    </form>
  );
}
