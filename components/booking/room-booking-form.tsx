"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormStatus } from "react-dom";
import type { RoomRefusal } from "@/components/lib/room-url";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { wallTimeIssues } from "@/lib/time/wall-clock";

/**
 * Where the form posts (a server action booking through the same use case as the API, with or
 * without script), the Idempotency-Key made with the page, and why the last post was refused.
 */
export type RoomConfirm = { action: (form: FormData) => Promise<never>; key: string; refused?: RoomRefusal };

const REFUSAL_TEXT = {
  slot_taken: "taken",
  client_busy: "clientBusy",
  in_past: "inPast",
  not_available: "unavailable",
  invalid: "invalid",
  failed: "failed",
} as const;

/** The submit button: busy while the server action runs (it then goes to the appointment or back here). */
function BookButton() {
  const t = useTranslations("public.rooms");
  const { pending } = useFormStatus();
  return (
    <Button type="submit" pending={pending}>
      {pending ? t("booking") : t("book")}
    </Button>
  );
}

/**
 * A room's booking form. With script, the wall times are checked here first by the weekly schedule's
 * rule and refused next to the field; the post itself is the server action's either way (no client
 * data library, no zod: the island stays small).
 */
export function RoomBookingForm({ room, date, confirm }: { room: string; date: string; confirm: RoomConfirm }) {
  const t = useTranslations("public.rooms");
  const [issues, setIssues] = useState<{ start?: true; end?: true }>({});
  const [refused, setRefused] = useState(confirm.refused);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    const form = new FormData(event.currentTarget);
    const found = wallTimeIssues(String(form.get("start") ?? ""), String(form.get("end") ?? ""));
    setIssues(found);
    setRefused(undefined);
    // A prevented submit does not run the form's action.
    if (found.start || found.end) event.preventDefault();
  }

  return (
    <section aria-labelledby="book-room-heading" className="space-y-3">
      <h2 id="book-room-heading" className="text-lg font-semibold">
        {t("bookHeading")}
      </h2>
      <form
        action={confirm.action}
        onSubmit={onSubmit}
        noValidate
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      >
        <input type="hidden" name="room" value={room} />
        <input type="hidden" name="date" value={date} />
        <input type="hidden" name="key" value={confirm.key} />
        <div className="grid grid-cols-2 gap-3">
          <Field label={t("from")} error={issues.start && t("errors.start")}>
            <input name="start" type="time" step={900} required className={inputClass} />
          </Field>
          <Field label={t("until")} error={issues.end && t("errors.end")}>
            <input name="end" type="time" step={900} required className={inputClass} />
          </Field>
        </div>
        {refused && (
          <p role="alert" className="text-sm text-red-700">
            {t(REFUSAL_TEXT[refused])}
          </p>
        )}
        <BookButton />
      </form>
    </section>
  );
}
