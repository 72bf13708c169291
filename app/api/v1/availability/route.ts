import { route } from "@/lib/api/handler";
import { serviceAvailability } from "@/lib/availability/service-availability";
import { availabilityQuerySchema } from "@/lib/validation/availability";

/** Every active worker performing a service, with their slots on one day. Anyone may ask. */
export const GET = route({ query: availabilityQuerySchema }, ({ query }) => serviceAvailability(query, new Date()));
