import { route } from "@/lib/api/handler";
import { clientCalendar } from "@/lib/booking/ics-details";
import { visibleAppointment } from "@/lib/booking/read";
import { idParamsSchema } from "@/lib/validation/common";

export const GET = route({ role: "client", params: idParamsSchema }, async ({ caller, params }) => {
  const row = await visibleAppointment(caller, params.id);
  return clientCalendar(row);
});
