import { route } from "@/lib/api/handler";
import { workerAvailableDays } from "@/lib/availability/available-days";
import { noticeStart } from "@/lib/availability/notice";
import { availableDaysQuerySchema } from "@/lib/validation/available-days";
import { refParamsSchema } from "@/lib/validation/common";

/**
 * Each day of `?service=&from=&to=` with its number of free slots and the first one, counted as the
 * slots endpoint offers them to this caller (clients and anonymous callers: not inside the business's
 * minimum notice). Anyone may ask.
 */
export const GET = route(
  { params: refParamsSchema, query: availableDaysQuerySchema },
  async ({ params, query, caller }) => {
    const now = new Date();
    return workerAvailableDays(params.ref, query, now, await noticeStart(caller, now));
  },
);
