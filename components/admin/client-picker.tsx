"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { apiFetch, query } from "@/components/lib/api-client";
import type { FieldErrors } from "@/components/lib/form-errors";
import { queryKeys } from "@/components/query-keys";
import { Field, inputClass } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import type { Client } from "@/lib/contract";
import { useDebounced } from "./use-debounced";

export type ClientChoice = { clientId: string } | { client: { name: string; phone?: string; email?: string } } | null;

/**
 * Finds a client by name, phone or email, or takes a new one inline. The results are radio
 * buttons, so the keyboard and a screen reader handle them like any choice in a form.
 */
export function ClientPicker({ errors, onChange }: { errors: FieldErrors; onChange: (choice: ClientChoice) => void }) {
  const t = useTranslations("admin.clientPicker");
  const [q, setQ] = useState("");
  const [mode, setMode] = useState<"existing" | "new">("existing");
  const [picked, setPicked] = useState<string | null>(null);
  const [inline, setInline] = useState({ name: "", phone: "", email: "" });
  const search = useDebounced(q.trim());
  const results = useQuery({
    queryKey: queryKeys.clients.search(search, 8),
    enabled: mode === "existing" && search.length >= 2,
    queryFn: ({ signal }) =>
      apiFetch<{ items: Client[] }>(`/clients${query({ q: search, limit: 8 })}`, { signal }).then((r) => r.items),
  });
  const group = useId();

  const updateInline = (patch: Partial<typeof inline>) => {
    const next = { ...inline, ...patch };
    setInline(next);
    onChange({
      client: {
        name: next.name,
        ...(next.phone ? { phone: next.phone } : {}),
        ...(next.email ? { email: next.email } : {}),
      },
    });
  };
  const clientError = errors.clientId ?? errors.client;

  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-semibold">{t("legend")}</legend>
      <div className="flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name={`${group}-mode`}
            checked={mode === "existing"}
            onChange={() => {
              setMode("existing");
              onChange(picked ? { clientId: picked } : null);
            }}
          />
          {t("existing")}
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name={`${group}-mode`}
            checked={mode === "new"}
            onChange={() => {
              setMode("new");
              updateInline({});
            }}
          />
          {t("new")}
        </label>
      </div>
      {mode === "existing" ? (
        <div className="space-y-2">
          <Field label={t("search")} hint={t("searchHint")} error={clientError}>
            <input
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              className={inputClass}
              autoComplete="off"
            />
          </Field>
          <div aria-live="polite" className="text-sm">
            {results.isFetching && <Spinner />}
            {results.data?.length === 0 && <p className="text-slate-600">{t("noMatch")}</p>}
          </div>
          {results.data && results.data.length > 0 && (
            <fieldset>
              <legend className="sr-only">{t("results")}</legend>
              <ul className="max-h-48 space-y-1 overflow-y-auto">
                {results.data.map((c) => (
                  <li key={c.id}>
                    <label className="flex items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-50">
                      <input
                        type="radio"
                        name={`${group}-client`}
                        value={c.id}
                        checked={picked === c.id}
                        onChange={() => {
                          setPicked(c.id);
                          onChange({ clientId: c.id });
                        }}
                      />
                      <span>
                        {c.name}
                        <span className="text-slate-600">
                          {[c.phone, c.email].filter(Boolean).map((v) => ` · ${v}`)}
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
        </div>
      ) : (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <Field label={t("name")} error={errors["client.name"] ?? clientError}>
            <input
              value={inline.name}
              onChange={(e) => updateInline({ name: e.target.value })}
              className={inputClass}
            />
          </Field>
          <Field label={t("phone")} error={errors["client.phone"]}>
            <input
              type="tel"
              value={inline.phone}
              onChange={(e) => updateInline({ phone: e.target.value })}
              className={inputClass}
            />
          </Field>
          <Field label={t("email")} error={errors["client.email"]}>
            <input
              type="email"
              value={inline.email}
              onChange={(e) => updateInline({ email: e.target.value })}
              className={inputClass}
            />
          </Field>
        </div>
      )}
    </fieldset>
  );
}
