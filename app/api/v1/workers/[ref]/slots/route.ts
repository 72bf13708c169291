import { route } from "@/lib/api/handler";
import { workerSlots } from "@/lib/availability/worker-slots";
import { slotsQuerySchema } from "@/lib/validation/availability";
import { refParamsSchema } from "@/lib/validation/common";

/** Free slots of a worker for a service: `?service=&date=` or `&from=&to=`. Anyone may ask. */
export const GET = route({ params: refParamsSchema, query: slotsQuerySchema }, ({ params, query }) =>
  workerSlots(params.ref, query, new Date()),
);
