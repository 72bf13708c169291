"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ApiError, apiFetch, query } from "@/components/lib/api-client";
import { apiIssues, optionalText } from "@/components/lib/form-errors";
import { idempotencyKeys } from "@/components/lib/idempotency";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import type { Appointment } from "@/lib/contract";
import { GuestBookingForm, type GuestFormState } from "./guest-booking-form";
import { InlineAuth } from "./inline-auth";

type Props = {
  worker: { id: string; slug: string };
  service: { id: string; slug: string };
  start: string;
  signedIn: boolean;
  /**
   * Where the form posts when no script has taken it over (a server action booking through the same
   * use case as the API), and the Idempotency-Key made with the page, so a double submit books once.
   */
  confirm: { action: (form: FormData) => Promise<never>; key: string };
  /** "Book as a guest" when nobody is signed in (app/book/guest-actions.ts), with the page's key. */
  guest?: { action: (state: GuestFormState, form: FormData) => Promise<GuestFormState>; key: string };
};

type Booking = { workerId: string; serviceId: string; start: string; notes?: string };

/**
 * Confirming a chosen slot: sign in or register inline if needed, then POST /appointments with an
 * Idempotency-Key (a double click or a retry books once). A slot taken meanwhile comes back to this
 * page with the reason, which the server renders with the day's fresh slots, never an error page.
 * Without script the same form posts to `confirm.action` instead. A plain request and local state (no
 * react-query, no toasts, no zod here): /book is held to the public JS budget.
 */
export function BookingFlow({ worker, service, start, signedIn: initiallySignedIn, confirm, guest }: Props) {
  const t = useTranslations("public.book");
  const router = useRouter();
  const [signedIn, setSignedIn] = useState(initiallySignedIn);
  // The page refreshed by a sign-in (or a sign-in in another tab) renders with the session: follow it,
  // whatever became of the inline form that signed in.
  useEffect(() => {
    if (initiallySignedIn) setSignedIn(true);
  }, [initiallySignedIn]);
  // The client already holds as many upcoming appointments as the business allows.
  const [limitReached, setLimitReached] = useState(false);
  const policyText = useTranslations("policy");
  const { errors: issues, setErrors: setIssues } = useFieldErrors();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  // A retry after a lost answer must not book twice; see idempotencyKeys.
  const keys = useRef(idempotencyKeys());

  async function book(body: Booking) {
    setPending(true);
    setFailed(false);
    try {
      const appointment = await apiFetch<Appointment>("/appointments", {
        method: "POST",
        headers: { "Idempotency-Key": keys.current.keyFor(body) },
        body,
      });
      // The appointment's page is the confirmation ("You are booked").
      router.push(`/appointments/${appointment.id}`);
      return;
    } catch (err) {
      if (err instanceof ApiError && err.status >= 400 && err.status < 500) keys.current.forget();
      if (err instanceof ApiError && err.details.reason === "max_upcoming") {
        setLimitReached(true);
      } else if (err instanceof ApiError && (err.code === "slot_taken" || err.code === "not_available")) {
        // The page says why and lists the day's fresh free times, read on the server.
        router.replace(`/book${query({ worker: worker.slug, service: service.slug, start, refused: err.code })}`);
        return;
      } else if (err instanceof ApiError && err.status === 401) {
        setSignedIn(false);
      } else if (err instanceof ApiError && err.code === "validation_failed") {
        setIssues(apiIssues(err));
      } else {
        setFailed(true);
      }
    }
    setPending(false);
  }

  if (limitReached) {
    return (
      <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
        {policyText("refusedMaxUpcoming")}{" "}
        <Link href="/appointments" className="font-medium underline">
          {policyText("myAppointments")}
        </Link>
      </p>
    );
  }

  if (!signedIn) {
    const auth = (
      <InlineAuth
        onSignedIn={() => {
          setSignedIn(true);
          // The header and any server-rendered part learn about the new session.
          router.refresh();
        }}
      />
    );
    // Two choices, both plain forms (they work without script): as a guest, or signed in. The sign-in
    // keeps its place in the tree when the guest choice goes (the page refreshed by a sign-in drops
    // it), so the form that just signed in is not remounted before it reports success.
    return (
      <div className="space-y-4">
        {guest && (
          <GuestBookingForm
            worker={worker}
            service={service}
            start={start}
            action={guest.action}
            idempotencyKey={guest.key}
          />
        )}
        {guest && <p className="text-center text-sm font-medium text-slate-600">{t("orSignIn")}</p>}
        {auth}
      </div>
    );
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body: Booking = { workerId: worker.id, serviceId: service.id, start, notes: optionalText(form.get("notes")) };
    // The textarea's maxLength keeps notes within the API's limit; what else it refuses comes back
    // next to the field.
    book(body);
  }

  return (
    <form action={confirm.action} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="worker" value={worker.id} />
      <input type="hidden" name="service" value={service.id} />
      <input type="hidden" name="start" value={start} />
      <input type="hidden" name="key" value={confirm.key} />
      <Field label={t("notes")} hint={t("notesHint")} error={issues.notes && t("notesError")}>
        <textarea name="notes" rows={3} maxLength={2000} className={inputClass} />
      </Field>
      {failed && (
        <p role="alert" className="text-sm text-red-700">
          {t("failed")}
        </p>
      )}
      <Button type="submit" pending={pending} className="w-full sm:w-auto">
        {pending ? t("confirming") : t("confirm")}
      </Button>
    </form>
  );
}
