"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { ApiError, apiFetch } from "@/components/lib/api-client";
import { idempotencyKeys } from "@/components/lib/booking";
import { apiIssues, optionalText } from "@/components/lib/form-errors";
import { queryKeys } from "@/components/query-keys";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import type { Appointment } from "@/lib/contract";
import { appointmentCreateSchema } from "@/lib/validation/appointments";
import { GuestBookingForm, type GuestFormState } from "./guest-booking-form";
import { InlineAuth } from "./inline-auth";
import { SlotList } from "./slot-list";

type Props = {
  worker: { id: string; slug: string };
  service: { id: string; slug: string };
  start: string;
  /** The slot's local day, for fresh slots when it was taken meanwhile. */
  date: string;
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

/** Why a confirmed slot could not be booked, when someone else was quicker or it stopped being bookable. */
type Conflict = "slot_taken" | "not_available";

/**
 * Confirming a chosen slot: sign in or register inline if needed, then POST /appointments with an
 * Idempotency-Key (a double click or a retry books once). A slot taken meanwhile shows a message
 * and the day's fresh slots in place, never an error page. Without script the same form posts to
 * `confirm.action` instead.
 */
export function BookingFlow({ worker, service, start, date, signedIn: initiallySignedIn, confirm, guest }: Props) {
  const t = useTranslations("public.book");
  const router = useRouter();
  const queryClient = useQueryClient();
  const [signedIn, setSignedIn] = useState(initiallySignedIn);
  // The page refreshed by a sign-in (or a sign-in in another tab) renders with the session: follow it,
  // whatever became of the inline form that signed in.
  useEffect(() => {
    if (initiallySignedIn) setSignedIn(true);
  }, [initiallySignedIn]);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // The client already holds as many upcoming appointments as the business allows.
  const [limitReached, setLimitReached] = useState(false);
  const policyText = useTranslations("policy");
  const { errors: issues, setErrors: setIssues, check } = useFieldErrors();
  // A retry after a lost answer must not book twice; see idempotencyKeys.
  const keys = useRef(idempotencyKeys());

  const book = useMutation({
    mutationFn: (body: Booking) =>
      apiFetch<Appointment>("/appointments", {
        method: "POST",
        headers: { "Idempotency-Key": keys.current.keyFor(body) },
        body,
      }),
    onSuccess: (appointment) => {
      toast.success(t("booked"));
      router.push(`/appointments/${appointment.id}`);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status >= 400 && err.status < 500) keys.current.forget();
      if (err instanceof ApiError && err.details.reason === "max_upcoming") {
        setLimitReached(true);
      } else if (err instanceof ApiError && (err.code === "slot_taken" || err.code === "not_available")) {
        setConflict(err.code);
        queryClient.invalidateQueries({ queryKey: queryKeys.slots.day(worker.slug, service.slug, date) });
      } else if (err instanceof ApiError && err.status === 401) {
        setSignedIn(false);
      } else if (err instanceof ApiError && err.code === "validation_failed") {
        setIssues(apiIssues(err));
      } else {
        toast.error(t("failed"));
      }
    },
  });

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

  if (conflict) {
    return (
      <section aria-labelledby="conflict-heading" className="space-y-3">
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4">
          <h2 id="conflict-heading" className="font-semibold">
            {t(conflict === "slot_taken" ? "takenHeading" : "unavailableHeading")}
          </h2>
          <p className="text-sm">{t("pickAnother")}</p>
        </div>
        <SlotList worker={worker.slug} service={service.slug} date={date} />
      </section>
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
    // The API's own schema: what it would refuse is refused here, next to the field.
    if (check(appointmentCreateSchema, body)) book.mutate(body);
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
      <Button type="submit" pending={book.isPending} className="w-full sm:w-auto">
        {book.isPending ? t("confirming") : t("confirm")}
      </Button>
    </form>
  );
}
