import { getDb } from "@/db/client";
import { findLocationOr404 } from "@/db/queries/schedule-refs";
import { deleteShift, updateShift } from "@/db/queries/shift-writes";
import { toShiftJson } from "@/db/queries/shifts";
import { route } from "@/lib/api/handler";
import { idParamsSchema } from "@/lib/validation/common";
import { shiftDeleteQuerySchema, shiftPatchSchema } from "@/lib/validation/schedules";

// Changing or deleting a shift that would leave booked appointments outside every shift of the
// worker answers 409 has_appointments, unless the caller asks to cancel them: `cancelAppointments:
// true` in the PATCH body, `?cancelAppointments=true` on DELETE (a DELETE has no body).

export const PATCH = route(
  { role: "manager", params: idParamsSchema, body: shiftPatchSchema },
  async ({ params, body, caller }) => {
    const db = await getDb();
    const location = body.locationId ? await findLocationOr404(db, body.locationId) : undefined;
    const shift = await updateShift(
      db,
      params.id,
      { location, start: body.start, end: body.end, cancelAppointments: body.cancelAppointments },
      { actorId: caller.id },
    );
    return toShiftJson(shift);
  },
);

export const DELETE = route(
  { role: "manager", params: idParamsSchema, query: shiftDeleteQuerySchema },
  async ({ params, query, caller }) => {
    await deleteShift(await getDb(), params.id, { cancelAppointments: query.cancelAppointments, actorId: caller.id });
    return new Response(null, { status: 204 });
  },
);
