"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { GuestFormState } from "@/components/booking/guest-booking-form";
import { bookPath, bookSearchSchema, type Refusal } from "@/components/lib/book-url";
import { clientIp } from "@/lib/api/client-ip";
import { fieldIssues, formValue } from "@/lib/auth/form-state";
import { getPageCaller } from "@/lib/auth/page";
import { createGuestAppointment } from "@/lib/booking/guest";
import { AppError } from "@/lib/errors";
import { appointmentCreateSchema, idempotencyKeySchema } from "@/lib/validation/appointments";
import { GUEST_FORM_FIELDS, guestFormSchema } from "@/lib/validation/guest-booking";
import { guestBookedPath } from "./booked-path";

/** The keys of the guest forms this browser has booked with (a page's key is random, not a secret). */
const GUEST_KEYS_COOKIE = "slotwise-guest-booked";
const MAX_KEPT_KEYS = 5;

const slotSchema = bookSearchSchema.omit({ refused: true }).extend({
  worker: z.uuid(),
  service: z.uuid(),
  // Made when the page was rendered: submitting that page twice (Back, then again) books once.
  key: idempotencyKeySchema,
});

/**
 * "Book as a guest" on /book: name, email, optional phone, no password. The same use case as
 * POST /appointments without credentials (the guest's budgets, every client rule, the manage link
 * mailed); then 303 to /book/booked, or back to /book with why (taken, not bookable, the upcoming
 * limit), or the form again with its field errors.
 */
export async function bookAsGuest(_prev: GuestFormState, form: FormData): Promise<GuestFormState> {
  const slot = slotSchema.safeParse({
    worker: formValue(form, "worker"),
    service: formValue(form, "service"),
    start: formValue(form, "start"),
    key: formValue(form, "key"),
  });
  if (!slot.success) redirect("/book");
  const { worker, service, start, key } = slot.data;
  // Signed in meanwhile (another tab): book as themselves, on the page that knows how.
  if (await getPageCaller()) redirect(bookPath({ worker, service, start }));
  // This page's form has booked already (Back, then submit again): the booking it made, not a refusal.
  const jar = await cookies();
  const done = (jar.get(GUEST_KEYS_COOKIE)?.value ?? "").split(".").filter(Boolean);
  if (done.includes(key)) redirect(guestBookedPath({ worker, service, start }));
  const values = Object.fromEntries(GUEST_FORM_FIELDS.map((f) => [f, formValue(form, f) ?? ""]));
  const fields = guestFormSchema.safeParse(values);
  if (!fields.success) return { issues: fieldIssues(fields.error), values };
  const { name, email, phone, notes } = fields.data;
  const body = appointmentCreateSchema.safeParse({
    workerId: worker,
    serviceId: service,
    start,
    notes,
    client: { name, email, phone: phone ?? null },
  });
  if (!body.success) return { error: "failed", values };
  const back = (refused: Refusal) => bookPath({ worker, service, start, refused });
  let next: string;
  try {
    await createGuestAppointment(body.data, { ip: clientIp(await headers()), now: new Date() });
    next = guestBookedPath({ worker, service, start });
    // Remembered in this browser only (a guest has no account to keep Idempotency-Keys under).
    jar.set(GUEST_KEYS_COOKIE, [...done.slice(-(MAX_KEPT_KEYS - 1)), key].join("."), {
      httpOnly: true,
      sameSite: "lax",
      path: "/book",
      maxAge: 24 * 60 * 60,
      secure: Boolean(process.env.NEXTAUTH_URL?.startsWith("https://")),
    });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === "rate_limited") return { error: "rateLimited", values };
    if (err.code === "validation_failed") return { issues: { email: "invalid" }, values };
    const conflict = err.code === "slot_taken" || err.code === "not_available" || err.code === "client_busy";
    const refusal: Refusal =
      err.details?.reason === "max_upcoming" ? "max_upcoming" : conflict ? (err.code as Refusal) : "failed";
    next = back(refusal);
  }
  redirect(next);
}
