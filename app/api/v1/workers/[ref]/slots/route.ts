import { Replayable, route } from "@/lib/api/handler";
import { noticeStart, offerFrom, offerReplayTerms } from "@/lib/availability/notice";
import { workerSlots } from "@/lib/availability/worker-slots";
import { slotsQuerySchema } from "@/lib/validation/availability";
import { refParamsSchema } from "@/lib/validation/common";

/**
 * Free slots of a worker for a service: `?service=&date=` or `&from=&to=`. Anyone may ask; a
 * signed-out caller's answer may be sent again while nothing it shows has changed (offerReplayTerms).
 */
export const GET = route({ params: refParamsSchema, query: slotsQuerySchema }, async ({ params, query, caller }) => {
  const now = new Date();
  const list = await workerSlots(params.ref, query, now);
  const earliest = await noticeStart(caller, now);
  const offered = offerFrom(list, earliest);
  return caller === null ? new Replayable(offered, await offerReplayTerms(list, offered, earliest, now)) : offered;
});
