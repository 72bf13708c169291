"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { bookPath, bookSearchSchema, type Refusal } from "@/components/lib/book-url";
import { formValue } from "@/lib/auth/form-state";
import { requirePageRole } from "@/lib/auth/page";
import { createAppointment } from "@/lib/booking/create";
import { ownBookingAt } from "@/lib/booking/read";
import { AppError } from "@/lib/errors";
import { appointmentCreateSchema, idempotencyKeySchema } from "@/lib/validation/appointments";

const confirmSchema = bookSearchSchema.omit({ refused: true }).extend({
  // Ids, not slugs: the caller's own booking is looked up by the worker's id.
  worker: z.uuid(),
  service: z.uuid(),
  // Made when the page was rendered: submitting that page twice books once.
  key: idempotencyKeySchema,
  notes: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v : undefined)),
});

/**
 * The booking form's action when no script has taken it over (the script books through the API):
 * the same use case as POST /appointments, then 303 to the confirmation page, or back to /book,
 * which shows why and the day's fresh times.
 */
export async function confirmBooking(form: FormData): Promise<never> {
  const fields = confirmSchema.safeParse({
    worker: formValue(form, "worker"),
    service: formValue(form, "service"),
    start: formValue(form, "start"),
    key: formValue(form, "key"),
    notes: formValue(form, "notes"),
  });
  if (!fields.success) redirect("/book");
  const { worker, service, start, key, notes } = fields.data;
  const back = (refused: Refusal) => bookPath({ worker, service, start, refused });
  const caller = await requirePageRole("client", bookPath({ worker, service, start }));
  const body = appointmentCreateSchema.safeParse({ workerId: worker, serviceId: service, start, notes });
  if (!body.success) redirect(back("failed"));

  let next: string;
  try {
    const booked = await createAppointment(caller, body.data, { now: new Date(), idempotencyKey: key });
    next = `/appointments/${(booked.body as { id: string }).id}`;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const conflict = err.code === "slot_taken" || err.code === "not_available" || err.code === "client_busy";
    // The caller's own earlier confirmation of this slot (back, then confirm again) is a success,
    // whichever of the worker's or the client's overlap rules the database named.
    const own = conflict ? await ownBookingAt(caller, worker, body.data.start) : undefined;
    const refusal: Refusal =
      err.details?.reason === "max_upcoming" ? "max_upcoming" : conflict ? (err.code as Refusal) : "failed";
    next = own ? `/appointments/${own.appointment.id}` : back(refusal);
  }
  redirect(next);
}
