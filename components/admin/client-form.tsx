"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { apiFetch } from "@/components/lib/api-client";
import { apiFieldErrors, type FieldErrors } from "@/components/lib/form-errors";
import { queryKeys } from "@/components/query-keys";
import { useApiErrorText } from "@/components/ui/api-error-text";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import type { Client } from "@/lib/contract";
import { clientCreateSchema, clientPatchSchema } from "@/lib/validation/clients";
import { DuplicateWarning, useDuplicateClients } from "./client-duplicates";

/** Creates a client record (no id) or changes one; empty optional fields clear them. */
export function ClientForm({ item, onDone }: { item?: Client; onDone: (saved: Client) => void }) {
  const t = useTranslations("admin.clients");
  const common = useTranslations("common.actions");
  const errorText = useApiErrorText();
  const queryClient = useQueryClient();
  const translate = (found: FieldErrors) =>
    Object.fromEntries(Object.entries(found).map(([f, raw]) => [f, t.has(`errors.${f}`) ? t(`errors.${f}`) : raw]));
  const { errors, setErrors, check } = useFieldErrors(translate);
  // What the phone and email fields hold, to warn of a record that already has them.
  const [contact, setContact] = useState({ phone: item?.phone ?? "", email: item?.email ?? "" });
  const duplicates = useDuplicateClients(contact.phone, contact.email, item?.id);
  const save = useMutation({
    mutationFn: (body: unknown) =>
      apiFetch<Client>(item ? `/clients/${item.id}` : "/clients", { method: item ? "PATCH" : "POST", body }),
    onSuccess: (saved) => {
      toast.success(t(item ? "updated" : "created"));
      queryClient.invalidateQueries({ queryKey: queryKeys.clients.all });
      onDone(saved);
    },
    onError: (err) => {
      toast.error(errorText(err));
      setErrors(apiFieldErrors(err));
    },
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "").trim();
    const body = {
      name: value("name"),
      phone: value("phone") || null,
      email: value("email") || null,
      gender: value("gender") || null,
      birthDate: value("birthDate") || null,
      notes: value("notes"),
    };
    if (check(item ? clientPatchSchema : clientCreateSchema, body)) save.mutate(body);
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field label={t("fields.name")} error={errors.name}>
          <input name="name" defaultValue={item?.name} className={inputClass} />
        </Field>
        <Field label={t("fields.phone")} error={errors.phone}>
          <input
            name="phone"
            type="tel"
            defaultValue={item?.phone ?? ""}
            onChange={(e) => setContact((c) => ({ ...c, phone: e.target.value }))}
            className={inputClass}
          />
        </Field>
        <Field label={t("fields.email")} error={errors.email}>
          <input
            name="email"
            type="email"
            defaultValue={item?.email ?? ""}
            onChange={(e) => setContact((c) => ({ ...c, email: e.target.value }))}
            className={inputClass}
          />
        </Field>
        <Field label={t("fields.gender")} error={errors.gender}>
          <select name="gender" defaultValue={item?.gender ?? ""} className={inputClass}>
            <option value="">—</option>
            <option value="female">{t("genders.female")}</option>
            <option value="male">{t("genders.male")}</option>
            <option value="other">{t("genders.other")}</option>
          </select>
        </Field>
        <Field label={t("fields.birthDate")} error={errors.birthDate}>
          <input name="birthDate" type="date" defaultValue={item?.birthDate ?? ""} className={inputClass} />
        </Field>
        <Field label={t("fields.notes")} error={errors.notes} className="sm:col-span-2">
          <textarea name="notes" rows={3} defaultValue={item?.notes ?? ""} className={inputClass} />
        </Field>
      </div>
      <DuplicateWarning matches={duplicates.data} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={save.isPending}>
          {common("save")}
        </Button>
      </div>
    </form>
  );
}
