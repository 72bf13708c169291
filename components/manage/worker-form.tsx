"use client";

import { useTranslations } from "next-intl";
import { numberOrUndefined } from "@/components/lib/form-errors";
import { Field, inputClass } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/states";
import type { Location, Service, Specialty, Worker } from "@/lib/contract";
import { workerCreateSchema, workerPatchSchema } from "@/lib/validation/catalog";
import { FormActions, FormGrid, text } from "./form-bits";
import { ImageField } from "./image-field";
import { useRecordForm } from "./use-record-form";
import { useItems } from "./use-resource";

export function WorkerForm({ item, onDone }: { item?: Worker; onDone: () => void }) {
  const t = useTranslations("manage.workers");
  const specialties = useItems<Specialty>("specialties");
  const locations = useItems<Location>("locations");
  const services = useItems<Service>("services", { includeInactive: "true" });
  const { errors, submit, pending } = useRecordForm<Worker>({
    resource: "workers",
    section: "workers",
    id: item?.id,
    schemas: { create: workerCreateSchema, patch: workerPatchSchema },
    onDone,
  });
  const performs = new Set(item?.services.map((s) => s.id));
  const common = useTranslations("common");

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    submit({
      name: text(form, "name"),
      ...(text(form, "slug") ? { slug: text(form, "slug") } : {}),
      bio: text(form, "bio"),
      avatarUrl: text(form, "avatarUrl") || null,
      active: form.get("active") === "on",
      specialtyId: text(form, "specialtyId") || null,
      locationId: text(form, "locationId") || null,
      serviceIds: form.getAll("serviceIds").map(String),
      slotStepMinutes: numberOrUndefined(form.get("slotStepMinutes")) ?? null,
      bookingHorizonDays: numberOrUndefined(form.get("bookingHorizonDays")),
    });
  }

  // The selects take their default values when they mount, so they wait for their options.
  if (specialties.isPending || locations.isPending || services.isPending) {
    return <Skeleton label={common("loading")} rows={4} />;
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
        <Field label={t("fields.specialty")} error={errors.specialtyId}>
          <select name="specialtyId" defaultValue={item?.specialty?.id ?? ""} className={inputClass}>
            <option value="">{t("none")}</option>
            {specialties.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("fields.location")} error={errors.locationId}>
          <select name="locationId" defaultValue={item?.location?.id ?? ""} className={inputClass}>
            <option value="">{t("none")}</option>
            {locations.data?.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("fields.slotStepMinutes")} hint={t("hints.slotStepMinutes")} error={errors.slotStepMinutes}>
          <input
            name="slotStepMinutes"
            type="number"
            min={1}
            max={1440}
            defaultValue={item?.slotStepMinutes ?? ""}
            className={inputClass}
          />
        </Field>
        <Field label={t("fields.bookingHorizonDays")} error={errors.bookingHorizonDays}>
          <input
            name="bookingHorizonDays"
            type="number"
            min={1}
            max={366}
            defaultValue={item?.bookingHorizonDays ?? 14}
            className={inputClass}
          />
        </Field>
        <Field label={t("fields.avatarUrl")} error={errors.avatarUrl} className="sm:col-span-2">
          <ImageField name="avatarUrl" defaultValue={item?.avatarUrl} />
        </Field>
        <Field label={t("fields.bio")} error={errors.bio} className="sm:col-span-2">
          <textarea name="bio" rows={3} defaultValue={item?.bio ?? ""} className={inputClass} />
        </Field>
      </FormGrid>
      <fieldset className="space-y-2" aria-describedby={errors.serviceIds ? "worker-services-error" : undefined}>
        <legend className="text-sm font-medium">{t("fields.services")}</legend>
        {services.data?.length === 0 && <p className="text-sm text-slate-600">{t("noServices")}</p>}
        <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
          {services.data?.map((s) => (
            <label key={s.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="serviceIds"
                value={s.id}
                defaultChecked={performs.has(s.id)}
                className="h-4 w-4"
              />
              {s.name}
            </label>
          ))}
        </div>
        {errors.serviceIds && (
          <p id="worker-services-error" className="text-sm text-red-700">
            {errors.serviceIds}
          </p>
        )}
      </fieldset>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="active" defaultChecked={item?.active ?? true} className="h-4 w-4" />
        {t("fields.active")}
      </label>
      <FormActions pending={pending} onCancel={onDone} />
    </form>
  );
}
