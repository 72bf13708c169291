"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { apiFetch } from "@/components/lib/api-client";
import { queryKeys } from "@/components/query-keys";
import { useApiErrorText } from "@/components/ui/api-error-text";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import type { WebhookEndpoint, WebhookEndpointWithSecret, WebhookTest } from "@/lib/contract";
import { eventKey } from "./event-key";
import { WebhookDeliveryLog } from "./webhook-deliveries";
import { WebhookEndpointForm } from "./webhook-form";

/** One endpoint in the list: its switch, test, edit, secret rotation, delete and its delivery log. */
export function WebhookEndpointRow({
  endpoint,
  onSecret,
}: {
  endpoint: WebhookEndpoint;
  onSecret: (shown: { url: string; secret: string }) => void;
}) {
  const t = useTranslations("manage.webhooks");
  const common = useTranslations("common.actions");
  const errorText = useApiErrorText();
  const client = useQueryClient();
  const dialogs = useTranslations("common");
  const [confirm, setConfirm] = useState<"delete" | "rotate" | null>(null);
  const [editing, setEditing] = useState(false);
  const [showLog, setShowLog] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.webhooks.all });
  const onError = (err: unknown) => toast.error(errorText(err));
  const toggle = useMutation({
    mutationFn: () =>
      apiFetch<WebhookEndpoint>(`/webhooks/${endpoint.id}`, { method: "PATCH", body: { active: !endpoint.active } }),
    onSuccess: (changed) => {
      toast.success(changed.active ? t("activated") : t("deactivated"));
      return refresh();
    },
    onError,
  });
  const test = useMutation({
    mutationFn: () => apiFetch<WebhookTest>(`/webhooks/${endpoint.id}/test`, { method: "POST" }),
    onSuccess: () => {
      toast.success(t("testQueued"));
      setShowLog(true);
      return client.invalidateQueries({ queryKey: queryKeys.webhooks.deliveries(endpoint.id) });
    },
    onError,
  });
  const rotate = useMutation({
    mutationFn: () => apiFetch<WebhookEndpointWithSecret>(`/webhooks/${endpoint.id}/rotate-secret`, { method: "POST" }),
    onSuccess: (rotated) => {
      setConfirm(null);
      onSecret({ url: rotated.url, secret: rotated.secret });
      return refresh();
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: () => apiFetch<void>(`/webhooks/${endpoint.id}`, { method: "DELETE" }),
    onSuccess: () => {
      setConfirm(null);
      toast.success(t("deleted"));
      return refresh();
    },
    onError,
  });
  const label = endpoint.description ?? endpoint.url;
  return (
    <li className="space-y-3 rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1 space-y-1">
          <p className="font-medium break-all">
            {endpoint.url}
            <span
              className={`ml-2 rounded px-2 py-0.5 text-xs ${endpoint.active ? "bg-green-100 text-green-800" : "bg-slate-200 text-slate-700"}`}
            >
              {endpoint.active ? t("active") : t("inactive")}
            </span>
          </p>
          {endpoint.description && <p className="text-sm break-words text-slate-600">{endpoint.description}</p>}
          <ul aria-label={t("fields.events")} className="flex flex-wrap gap-1">
            {endpoint.events.map((event) => (
              <li key={event} className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
                {t(`events.${eventKey(event)}`)}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => setEditing(true)} aria-label={`${t("edit")}: ${label}`}>
          {t("edit")}
        </Button>
        <Button
          variant="secondary"
          pending={toggle.isPending}
          onClick={() => toggle.mutate()}
          aria-label={`${endpoint.active ? t("deactivate") : t("activate")}: ${label}`}
        >
          {endpoint.active ? t("deactivate") : t("activate")}
        </Button>
        <Button
          variant="secondary"
          pending={test.isPending}
          onClick={() => test.mutate()}
          aria-label={`${t("sendTest")}: ${label}`}
        >
          {t("sendTest")}
        </Button>
        <Button variant="secondary" onClick={() => setShowLog((v) => !v)} aria-expanded={showLog}>
          {showLog ? t("deliveries.hide") : t("deliveries.show")}
        </Button>
        <Button variant="secondary" onClick={() => setConfirm("rotate")} aria-label={`${t("rotate")}: ${label}`}>
          {t("rotate")}
        </Button>
        <Button variant="danger" onClick={() => setConfirm("delete")} aria-label={`${common("delete")}: ${label}`}>
          {common("delete")}
        </Button>
      </div>
      {showLog && <WebhookDeliveryLog endpointId={endpoint.id} />}
      <Dialog
        open={editing}
        onClose={() => setEditing(false)}
        title={t("editTitle")}
        closeLabel={dialogs("actions.close")}
      >
        <WebhookEndpointForm endpoint={endpoint} onCancel={() => setEditing(false)} onSaved={() => setEditing(false)} />
      </Dialog>
      <ConfirmDialog
        open={confirm === "rotate"}
        title={t("rotateConfirm.title")}
        confirmLabel={t("rotateConfirm.yes")}
        cancelLabel={common("cancel")}
        pending={rotate.isPending}
        onConfirm={() => rotate.mutate()}
        onClose={() => setConfirm(null)}
      >
        <p className="text-sm break-all">{endpoint.url}</p>
        <p className="text-sm text-slate-700">{t("rotateConfirm.body")}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === "delete"}
        title={t("deleteConfirm.title")}
        confirmLabel={common("confirmDelete")}
        cancelLabel={common("cancel")}
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirm(null)}
      >
        <p className="text-sm break-all">{endpoint.url}</p>
        <p className="text-sm text-slate-700">{t("deleteConfirm.body")}</p>
      </ConfirmDialog>
    </li>
  );
}
