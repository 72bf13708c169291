"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { apiFetch } from "@/components/lib/api-client";
import { queryKeys } from "@/components/query-keys";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { inputClass } from "@/components/ui/field";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import type { WebhookEndpoint } from "@/lib/contract";
import { WebhookEndpointForm } from "./webhook-form";
import { WebhookEndpointRow } from "./webhook-row";

/** Webhook endpoints: register one (its secret shown once), switch, test, rotate, delete, and the log. */
export function WebhookManager() {
  const t = useTranslations("manage.webhooks");
  const common = useTranslations("common");
  const list = useQuery({
    queryKey: queryKeys.webhooks.list,
    queryFn: ({ signal }) =>
      apiFetch<{ items: WebhookEndpoint[] }>("/webhooks?limit=200", { signal }).then((r) => r.items),
  });
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  return (
    <div className="space-y-4">
      <p className="max-w-prose text-slate-700">{t("intro")}</p>
      <Button onClick={() => setCreating(true)}>{t("new")}</Button>
      {list.isPending ? (
        <Skeleton label={common("loading")} />
      ) : list.isError ? (
        <ErrorState
          message={common("states.loadFailed")}
          retryLabel={common("actions.retry")}
          onRetry={() => list.refetch()}
        />
      ) : list.data.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul aria-label={t("list")} className="space-y-3">
          {list.data.map((endpoint) => (
            <WebhookEndpointRow key={endpoint.id} endpoint={endpoint} onSecret={setSecret} />
          ))}
        </ul>
      )}
      <Dialog open={creating} onClose={() => setCreating(false)} title={t("new")} closeLabel={common("actions.close")}>
        <WebhookEndpointForm
          onCancel={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setSecret({ url: created.url, secret: created.secret });
          }}
        />
      </Dialog>
      <Dialog open={secret !== null} onClose={() => setSecret(null)} title={t("secret.title")} width="question">
        {secret && <SecretShownOnce url={secret.url} secret={secret.secret} onDone={() => setSecret(null)} />}
      </Dialog>
    </div>
  );
}

function SecretShownOnce({ url, secret, onDone }: { url: string; secret: string; onDone: () => void }) {
  const t = useTranslations("manage.webhooks.secret");
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      toast.success(t("copied"));
    } catch {
      toast.error(t("copyFailed"));
    }
  }
  return (
    <div className="space-y-4">
      <p className="text-sm break-all text-slate-700">{url}</p>
      <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">{t("warning")}</p>
      <label className="block space-y-1">
        <span className="block text-sm font-medium">{t("label")}</span>
        <input
          readOnly
          value={secret}
          data-testid="webhook-secret"
          onFocus={(e) => e.currentTarget.select()}
          className={`${inputClass} font-mono text-sm`}
        />
      </label>
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={copy}>
          {t("copy")}
        </Button>
        <Button onClick={onDone}>{t("done")}</Button>
      </div>
    </div>
  );
}
