"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formValue } from "@/lib/auth/form-state";
import { requirePageRole } from "@/lib/auth/page";
import { createAppointment } from "@/lib/booking/create";
import { AppError } from "@/lib/errors";
import { ANY_WORKER, appointmentCreateSchema, idempotencyKeySchema } from "@/lib/validation/appointments";
import { instantTextSchema, refSchema } from "@/lib/validation/common";
import { serviceFirstPath } from "./service-first-url";

const anySchema = z.object({
  service: z.uuid(),
  serviceSlug: refSchema,
  start: instantTextSchema,
  // Made when the page was rendered: submitting that page twice books once.
  key: idempotencyKeySchema,
});

/**
 * The "Any specialist" times of service-first booking: POST /appointments with `workerId: "any"` (the
 * same use case), then 303 to the new appointment, or back to the day's times with the refusal.
 */
export async function bookAnySpecialist(form: FormData): Promise<never> {
  const fields = anySchema.safeParse({
    service: formValue(form, "service"),
    serviceSlug: formValue(form, "serviceSlug"),
    start: formValue(form, "start"),
    key: formValue(form, "key"),
  });
  if (!fields.success) redirect("/book");
  const { service, serviceSlug, start, key } = fields.data;
  const date = start.slice(0, 10);
  const back = (refused?: string) => serviceFirstPath({ service: serviceSlug, date, refused });
  const caller = await requirePageRole("client", back());
  const body = appointmentCreateSchema.safeParse({ workerId: ANY_WORKER, serviceId: service, start });
  if (!body.success) redirect(back("failed"));
  let next: string;
  try {
    const booked = await createAppointment(caller, body.data, { now: new Date(), idempotencyKey: key });
    next = `/appointments/${(booked.body as { id: string }).id}`;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    next = back(err.code === "no_worker_free" || err.code === "client_busy" ? err.code : "failed");
  }
  redirect(next);
}
