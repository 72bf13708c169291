"use server";

import { headers } from "next/headers";
import { z } from "zod";
import type { GuestWaitlistState } from "@/components/waitlist/guest-waitlist-form";
import { clientIp } from "@/lib/api/client-ip";
import { fieldIssues, formValue } from "@/lib/auth/form-state";
import { getPageCaller } from "@/lib/auth/page";
import { AppError } from "@/lib/errors";
import { GUEST_WAITLIST_FIELDS, guestWaitlistFormSchema } from "@/lib/validation/guest-waitlist";
import { waitlistCreateSchema } from "@/lib/validation/waitlist";
import { joinWaitlistAsGuest } from "@/lib/waitlist/guest";

const daySchema = z.object({ worker: z.uuid(), service: z.uuid(), date: z.iso.date() });

/**
 * "Join the waitlist" for someone not signed in, on a worker's full day: name, email, optional phone.
 * The same use case as POST /waitlist without credentials (the guest's budgets, every refusal, the
 * confirmation with the leave link mailed). A form POST, so it works with JavaScript off too.
 */
export async function joinWaitlistAsGuestAction(
  _prev: GuestWaitlistState,
  form: FormData,
): Promise<GuestWaitlistState> {
  const values = Object.fromEntries(GUEST_WAITLIST_FIELDS.map((f) => [f, formValue(form, f) ?? ""]));
  const day = daySchema.safeParse({
    worker: formValue(form, "worker"),
    service: formValue(form, "service"),
    date: formValue(form, "date"),
  });
  if (!day.success) return { error: "failed", values };
  // Signed in meanwhile (another tab): the page's own button joins as themselves.
  if (await getPageCaller()) return { error: "signedIn", values };
  const fields = guestWaitlistFormSchema.safeParse(values);
  if (!fields.success) return { issues: fieldIssues(fields.error), values };
  const { name, email, phone } = fields.data;
  const body = waitlistCreateSchema.safeParse({
    workerId: day.data.worker,
    serviceId: day.data.service,
    date: day.data.date,
    client: { name, email, phone: phone ?? null },
  });
  if (!body.success) return { error: "failed", values };
  try {
    await joinWaitlistAsGuest(body.data, { ip: clientIp(await headers()), now: new Date() });
    return { done: "joined", email: fields.data.email };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === "already_exists") return { done: "already", email: fields.data.email };
    if (err.code === "rate_limited") return { error: "rateLimited", values };
    if (err.code === "validation_failed") return { issues: { email: "invalid" }, values };
    return { error: "failed", values };
  }
}
