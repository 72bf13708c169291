"use client";

import { useTranslations } from "next-intl";
import { numberOrUndefined } from "@/components/lib/form-errors";
import { Field, inputClass } from "@/components/ui/field";
import type { Location } from "@/lib/contract";
import { locationCreateSchema, locationPatchSchema } from "@/lib/validation/catalog";
import { FormActions, FormGrid, text } from "./form-bits";
import { TimeZonePicker } from "./time-zone-picker";
import { useRecordForm } from "./use-record-form";

/** A new location starts in the business's default zone if there is one, else in the browser's own. */
function initialZone(zones: string[], item?: Location, preferred?: string): string {
  if (item) return item.timezone;
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // A browser on a UTC machine names its zone Etc/UTC, which the list knows as UTC.
  const browser = own === "Etc/UTC" || own === "Etc/GMT" ? "UTC" : own;
  return [preferred, browser].find((zone) => zone !== undefined && zones.includes(zone)) ?? "UTC";
}

export function LocationForm({
  item,
  onDone,
  zones,
  defaultZone,
}: {
  item?: Location;
  onDone: () => void;
  /** The zones the server accepts, sorted. */
  zones: string[];
  defaultZone?: string;
}) {
  const t = useTranslations("manage.locations");
  const { errors, submit, pending } = useRecordForm<Location>({
    resource: "locations",
    section: "locations",
    id: item?.id,
    schemas: { create: locationCreateSchema, patch: locationPatchSchema },
    onDone,
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const coordinate = (name: string) => numberOrUndefined(form.get(name)) ?? null;
    submit({
      name: text(form, "name"),
      ...(text(form, "slug") ? { slug: text(form, "slug") } : {}),
      kind: text(form, "kind"),
      address: text(form, "address"),
      latitude: coordinate("latitude"),
      longitude: coordinate("longitude"),
      timezone: text(form, "timezone"),
      description: text(form, "description"),
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
        <Field label={t("fields.kind")} error={errors.kind}>
          <select name="kind" defaultValue={item?.kind ?? "workplace"} className={inputClass}>
            <option value="workplace">{t("kinds.workplace")}</option>
            <option value="room">{t("kinds.room")}</option>
          </select>
        </Field>
        <TimeZonePicker
          // A zone stored under another accepted name (Europe/Kiev, Asia/Calcutta) stays as it is.
          zones={item && !zones.includes(item.timezone) ? [item.timezone, ...zones] : zones}
          defaultZone={initialZone(zones, item, defaultZone)}
          error={errors.timezone}
        />
        <Field label={t("fields.address")} error={errors.address} className="sm:col-span-2">
          <input name="address" defaultValue={item?.address ?? ""} className={inputClass} />
        </Field>
        <Field label={t("fields.latitude")} error={errors.latitude}>
          <input name="latitude" inputMode="decimal" defaultValue={item?.latitude ?? ""} className={inputClass} />
        </Field>
        <Field label={t("fields.longitude")} error={errors.longitude}>
          <input name="longitude" inputMode="decimal" defaultValue={item?.longitude ?? ""} className={inputClass} />
        </Field>
        <Field label={t("fields.description")} error={errors.description} className="sm:col-span-2">
          <textarea name="description" rows={3} defaultValue={item?.description ?? ""} className={inputClass} />
        </Field>
      </FormGrid>
      <FormActions pending={pending} onCancel={onDone} />
    </form>
  );
}
