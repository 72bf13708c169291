import { route } from "@/lib/api/handler";
import { slotsOffered } from "@/lib/availability/notice";
import { workerSlots } from "@/lib/availability/worker-slots";
import { slotsQuerySchema } from "@/lib/validation/availability";
import { refParamsSchema } from "@/lib/validation/common";

/** Free slots of a worker for a service: `?service=&date=` or `&from=&to=`. Anyone may ask. */
export const GET = route({ params: refParamsSchema, query: slotsQuerySchema }, async ({ params, query, caller }) => {
  const now = new Date();
  return slotsOffered(await workerSlots(params.ref, query, now), caller, now);
});
