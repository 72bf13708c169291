"use client";

import { useTranslations } from "next-intl";
import { numberOrUndefined } from "@/components/lib/form-errors";
import { Field, inputClass } from "@/components/ui/field";
import type { Service } from "@/lib/contract";
import { serviceCreateSchema, servicePatchSchema } from "@/lib/validation/catalog";
import { FormActions, FormGrid, text } from "./form-bits";
import { ImageField } from "./image-field";
import { useRecordForm } from "./use-record-form";

export function ServiceForm({ item, onDone }: { item?: Service; onDone: () => void }) {
  const t = useTranslations("manage.services");
  const { errors, submit, pending } = useRecordForm<Service>({
    resource: "services",
    section: "services",
    id: item?.id,
    schemas: { create: serviceCreateSchema, patch: servicePatchSchema },
    onDone,
  });
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    submit({
      name: text(form, "name"),
      ...(text(form, "slug") ? { slug: text(form, "slug") } : {}),
      description: text(form, "description"),
      durationMinutes: numberOrUndefined(form.get("durationMinutes")),
      bufferBeforeMinutes: numberOrUndefined(form.get("bufferBeforeMinutes")) ?? 0,
      bufferAfterMinutes: numberOrUndefined(form.get("bufferAfterMinutes")) ?? 0,
      price: numberOrUndefined(form.get("price")),
      currency: text(form, "currency") || "RUB",
      imageUrl: text(form, "imageUrl") || null,
      active: form.get("active") === "on",
    });
  }
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <FormGrid>
        <Field label={t("fields.name")} error={errors.name}>
          <input name="name" defaultValue={item?.name} className={inputClass} required />
        </Field>
        <Field label={t("fields.slug")} hint={t("hints.slug")} error={errors.slug}>
          <input name="slug" defaultValue={item?.slug} className={inputClass} />
        </Field>
        <Field label={t("fields.durationMinutes")} error={errors.durationMinutes}>
          <input
            name="durationMinutes"
            type="number"
            min={1}
            max={1440}
            defaultValue={item?.durationMinutes ?? 30}
            className={inputClass}
          />
        </Field>
        <Field label={t("fields.bufferBeforeMinutes")} hint={t("hints.buffers")} error={errors.bufferBeforeMinutes}>
          <input
            name="bufferBeforeMinutes"
            type="number"
            min={0}
            max={240}
            defaultValue={item?.bufferBeforeMinutes ?? 0}
            className={inputClass}
          />
        </Field>
        <Field label={t("fields.bufferAfterMinutes")} error={errors.bufferAfterMinutes}>
          <input
            name="bufferAfterMinutes"
            type="number"
            min={0}
            max={240}
            defaultValue={item?.bufferAfterMinutes ?? 0}
            className={inputClass}
          />
        </Field>
        <Field label={t("fields.price")} error={errors.price}>
          <input name="price" inputMode="decimal" defaultValue={item?.price ?? ""} className={inputClass} />
        </Field>
        <Field label={t("fields.currency")} hint={t("hints.currency")} error={errors.currency}>
          <input name="currency" maxLength={3} defaultValue={item?.currency ?? "RUB"} className={inputClass} />
        </Field>
        <Field label={t("fields.imageUrl")} error={errors.imageUrl}>
          <ImageField name="imageUrl" defaultValue={item?.imageUrl} />
        </Field>
        <Field label={t("fields.description")} error={errors.description} className="sm:col-span-2">
          <textarea name="description" rows={3} defaultValue={item?.description ?? ""} className={inputClass} />
        </Field>
      </FormGrid>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="active" defaultChecked={item?.active ?? true} className="h-4 w-4" />
        {t("fields.active")}
      </label>
      <FormActions pending={pending} onCancel={onDone} />
    </form>
  );
}
