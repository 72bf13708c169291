"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useRef } from "react";
import { toast } from "sonner";
import { apiFetch } from "@/components/lib/api-client";
import { apiFieldErrors, type FieldErrors } from "@/components/lib/form-errors";
import { queryKeys } from "@/components/query-keys";
import { useApiErrorText } from "@/components/ui/api-error-text";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import { WEBHOOK_EVENT_TYPES, type WebhookEndpoint, type WebhookEndpointWithSecret } from "@/lib/contract";
import { webhookCreateSchema, webhookPatchSchema } from "@/lib/webhooks/schemas";
import { eventKey } from "./event-key";

/** Registers an endpoint, or (given one) changes its URL, description, events and switch. */
export function WebhookEndpointForm({
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
