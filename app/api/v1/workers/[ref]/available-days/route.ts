import { route } from "@/lib/api/handler";
import { workerAvailableDays } from "@/lib/availability/available-days";
import { availableDaysQuerySchema } from "@/lib/validation/available-days";
import { refParamsSchema } from "@/lib/validation/common";

/** Each day of `?service=&from=&to=` with its number of free slots and the first one. Anyone may ask. */
export const GET = route({ params: refParamsSchema, query: availableDaysQuerySchema }, ({ params, query }) =>
  workerAvailableDays(params.ref, query, new Date()),
);
