import { toLocationJson } from "@/db/queries/catalog-json";
import { createLocation, listLocations } from "@/db/queries/locations";
import { requireAcceptedTimeZone } from "@/db/queries/time-zones";
import { catalogCollection } from "@/lib/api/catalog-routes";
import { defaultTimeZone } from "@/lib/business/profile";
import { locationCreateSchema, locationListQuerySchema } from "@/lib/validation/catalog";

export const { GET, POST } = catalogCollection({
  query: locationListQuerySchema,
  body: locationCreateSchema,
  list: listLocations,
  // The schema checks the zone as the browser can; whether the database knows it is asked here.
  create: async (body, actorId) => {
    const timezone = body.timezone ?? (await defaultTimeZone());
    await requireAcceptedTimeZone(timezone);
    return createLocation({ ...body, timezone }, actorId);
  },
  toJson: (rows) => rows.map(toLocationJson),
});
