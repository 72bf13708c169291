"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { toast } from "sonner";
import { apiFetch } from "@/components/lib/api-client";
import { apiFieldErrors, type FieldErrors } from "@/components/lib/form-errors";
import { queryKeys } from "@/components/query-keys";
import { useApiErrorText } from "@/components/ui/api-error-text";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import {
  WEBHOOK_EVENT_TYPES,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEndpointWithSecret,
  type WebhookEventType,
  type WebhookTest,
} from "@/lib/contract";
import { webhookCreateSchema, webhookPatchSchema } from "@/lib/webhooks/schemas";

/** next-intl reads dots as nesting: "appointment.created" is the key "appointment_created". */
const eventKey = (event: string) => event.replace(".", "_");

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
            <EndpointRow key={endpoint.id} endpoint={endpoint} onSecret={setSecret} />
          ))}
        </ul>
      )}
      <Dialog open={creating} onClose={() => setCreating(false)} title={t("new")} closeLabel={common("actions.close")}>
        <EndpointForm
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

/** Registers an endpoint, or (given one) changes its URL, description, events and switch. */
function EndpointForm({
  endpoint,
  onCancel,
  onCreated,
  onSaved,
}: {
  endpoint?: WebhookEndpoint;
  onCancel: () => void;
  onCreated?: (created: WebhookEndpointWithSecret) => void;
  onSaved?: (saved: WebhookEndpoint) => void;
}) {
  const t = useTranslations("manage.webhooks");
  const common = useTranslations("common.actions");
  const errorText = useApiErrorText();
  const client = useQueryClient();
  const urlGiven = useRef(false);
  const eventsErrorId = useId();
  // The schema's words for the fields the page words itself; the rest as the API says them.
  const translate = (found: FieldErrors) =>
    Object.fromEntries(
      Object.entries(found).map(([path, raw]) => {
        const field = path.split(".")[0] ?? path;
        if (field === "url") return [field, urlGiven.current ? t("errors.urlInvalid") : t("errors.url")];
        if (field === "events") return [field, t("errors.events")];
        return [field, raw];
      }),
    );
  const { errors, setErrors, check } = useFieldErrors(translate);
  const save = useMutation({
    mutationFn: (body: unknown) =>
      endpoint
        ? apiFetch<WebhookEndpoint>(`/webhooks/${endpoint.id}`, { method: "PATCH", body })
        : apiFetch<WebhookEndpointWithSecret>("/webhooks", { method: "POST", body }),
    onSuccess: (saved) => {
      if (endpoint) {
        toast.success(t("updated"));
        onSaved?.(saved);
      } else {
        toast.success(t("created"));
        onCreated?.(saved as WebhookEndpointWithSecret);
      }
      return client.invalidateQueries({ queryKey: queryKeys.webhooks.all });
    },
    onError: (err) => {
      const fields = apiFieldErrors(err);
      setErrors(
        Object.fromEntries(Object.entries(fields).map(([path, message]) => [path.split(".")[0] ?? path, message])),
      );
      toast.error(errorText(err));
    },
  });
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const url = String(form.get("url") ?? "").trim();
    urlGiven.current = url !== "";
    const body = {
      url,
      events: form.getAll("events").map(String),
      description: String(form.get("description") ?? "").trim() || null,
      active: form.get("active") === "on",
    };
    if (check(endpoint ? webhookPatchSchema : webhookCreateSchema, body)) save.mutate(body);
  }
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <Field label={t("fields.url")} hint={t("hints.url")} error={errors.url}>
        <input
          name="url"
          type="url"
          inputMode="url"
          placeholder="https://"
          defaultValue={endpoint?.url}
          className={inputClass}
          autoComplete="off"
        />
      </Field>
      <Field label={t("fields.description")} error={errors.description}>
        <input
          name="description"
          defaultValue={endpoint?.description ?? ""}
          className={inputClass}
          autoComplete="off"
          maxLength={500}
        />
      </Field>
      <fieldset aria-describedby={errors.events ? eventsErrorId : undefined} className="space-y-2">
        <legend className="text-sm font-medium">{t("fields.events")}</legend>
        {WEBHOOK_EVENT_TYPES.map((event) => (
          <label key={event} className="flex min-h-10 items-center gap-3 text-sm">
            <input
              type="checkbox"
              name="events"
              value={event}
              defaultChecked={endpoint ? endpoint.events.includes(event) : true}
              className="size-5"
            />
            <span>
              {t(`events.${eventKey(event)}`)} <code className="text-xs text-slate-600">{event}</code>
            </span>
          </label>
        ))}
        {errors.events && (
          <p id={eventsErrorId} className="text-sm text-red-700">
            {errors.events}
          </p>
        )}
      </fieldset>
      <label className="flex min-h-10 items-center gap-3 text-sm">
        <input type="checkbox" name="active" defaultChecked={endpoint ? endpoint.active : true} className="size-5" />
        <span>{t("fields.active")}</span>
      </label>
      <div className="flex flex-wrap gap-2 pt-2">
        <Button type="submit" pending={save.isPending}>
          {endpoint ? common("save") : common("create")}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {common("cancel")}
        </Button>
      </div>
    </form>
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

function EndpointRow({
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
      {showLog && <DeliveryLog endpointId={endpoint.id} />}
      <Dialog
        open={editing}
        onClose={() => setEditing(false)}
        title={t("editTitle")}
        closeLabel={dialogs("actions.close")}
      >
        <EndpointForm endpoint={endpoint} onCancel={() => setEditing(false)} onSaved={() => setEditing(false)} />
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

const STATUS_CLASS: Record<WebhookDelivery["status"], string> = {
  pending: "bg-amber-100 text-amber-900",
  succeeded: "bg-green-100 text-green-800",
  failed: "bg-red-100 text-red-800",
};

function DeliveryLog({ endpointId }: { endpointId: string }) {
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
