"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { roomInterval } from "@/components/lib/booking";
import { type RoomRefusal, roomPath } from "@/components/lib/room-url";
import { formValue } from "@/lib/auth/form-state";
import { requirePageRole } from "@/lib/auth/page";
import { createAppointment } from "@/lib/booking/create";
import { findLocation } from "@/lib/catalog/locations";
import { AppError } from "@/lib/errors";
import { isoWeekdayOf } from "@/lib/time/zoned";
import { appointmentCreateSchema, idempotencyKeySchema } from "@/lib/validation/appointments";
import { isoDateSchema } from "@/lib/validation/common";
import { weeklyRuleSchema } from "@/lib/validation/schedules";

const roomFormSchema = z.object({
  room: z.uuid(),
  date: isoDateSchema,
  // Made when the page was rendered: submitting that page twice books once.
  key: idempotencyKeySchema,
});

/** Why the use case refused, as the room page names it. */
function refusalOf(err: AppError): RoomRefusal {
  if (err.code === "slot_taken" || err.code === "client_busy") return err.code;
  if (err.code === "not_available") return err.details?.reason === "in_past" ? "in_past" : "not_available";
  return err.code === "validation_failed" ? "invalid" : "failed";
}

/**
 * The room form's action when no script has taken it over (the script books through the API): the
 * same wall-time rule and use case as the API, then 303 to the confirmation page or back to the day.
 */
export async function bookRoom(form: FormData): Promise<never> {
  const fields = roomFormSchema.safeParse({
    room: formValue(form, "room"),
    date: formValue(form, "date"),
    key: formValue(form, "key"),
  });
  if (!fields.success) redirect("/rooms");
  const { room: roomId, date, key } = fields.data;
  const back = (refused?: RoomRefusal) => roomPath(roomId, { date, refused });
  const caller = await requirePageRole("client", back());
  const room = await findLocation(roomId);
  if (room?.kind !== "room") redirect("/rooms");
  const wall = { start: formValue(form, "start") ?? "", end: formValue(form, "end") ?? "" };
  if (!weeklyRuleSchema.safeParse({ weekday: isoWeekdayOf(date), ...wall }).success) redirect(back("invalid"));
  const body = appointmentCreateSchema.safeParse({
    locationId: room.id,
    ...roomInterval(date, wall.start, wall.end, room.timezone),
  });
  if (!body.success) redirect(back("invalid"));

  let next: string;
  try {
    const booked = await createAppointment(caller, body.data, { now: new Date(), idempotencyKey: key });
    next = `/appointments/${(booked.body as { id: string }).id}`;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    next = back(refusalOf(err));
  }
  redirect(next);
}
