import { route } from "@/lib/api/handler";
import { appointmentCalendar, calendarResponse } from "@/lib/booking/ics";
import { visibleAppointment } from "@/lib/booking/read";
import { idParamsSchema } from "@/lib/validation/common";

export const GET = route({ role: "client", params: idParamsSchema }, async ({ caller, params }) => {
  const row = await visibleAppointment(caller, params.id);
  return calendarResponse(appointmentCalendar(row), `appointment-${row.appointment.id}.ics`);
});
