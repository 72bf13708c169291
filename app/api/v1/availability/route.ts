import { route } from "@/lib/api/handler";
import { availabilityOffered } from "@/lib/availability/notice";
import { serviceAvailability } from "@/lib/availability/service-availability";
import { availabilityQuerySchema } from "@/lib/validation/availability";

/** Every active worker performing a service, with their slots on one day. Anyone may ask. */
export const GET = route({ query: availabilityQuerySchema }, async ({ query, caller }) => {
  const now = new Date();
  return availabilityOffered(await serviceAvailability(query, now), caller, now);
});
