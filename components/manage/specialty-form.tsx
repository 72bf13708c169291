"use client";

import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import type { Specialty } from "@/lib/contract";
import { specialtyCreateSchema, specialtyPatchSchema } from "@/lib/validation/catalog";
import { FormActions, FormGrid, text } from "./form-bits";
import { useRecordForm } from "./use-record-form";

export function SpecialtyForm({ item, onDone }: { item?: Specialty; onDone: () => void }) {
  const t = useTranslations("manage.specialties");
  const { errors, submit, pending } = useRecordForm<Specialty>({
    resource: "specialties",
    section: "specialties",
    id: item?.id,
    schemas: { create: specialtyCreateSchema, patch: specialtyPatchSchema },
    onDone,
  });
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    submit({ name: text(form, "name"), ...(text(form, "slug") ? { slug: text(form, "slug") } : {}) });
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
      </FormGrid>
      <FormActions pending={pending} onCancel={onDone} />
    </form>
  );
}
