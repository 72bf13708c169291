// Write bodies and list queries of the catalog (API.md "Write bodies"), shared by the route
// handlers, the OpenAPI description and the manager's forms. Each resource has its fields once:
// POST requires some of them and fills defaults, PATCH takes any subset and fills nothing.
import { z } from "zod";
import { LOCATION_KINDS } from "@/db/schema/catalog";
import { isValidTimeZone } from "@/lib/time/zoned";
import { lineSchema, nameSchema, pageQuerySchema, refSchema, searchSchema, slugSchema, textSchema } from "./common";
import { imageUrlSchema } from "./image-url";

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Names are stored composed (NFC) so that search and sorting see one form of "й". */
const catalogName = nameSchema.normalize("NFC");

// A `{ref}` is an id or a slug, so a slug shaped like an id could point at another record.
const catalogSlug = slugSchema.refine((slug) => !UUID_SHAPE.test(slug), { message: "A slug cannot look like an id." });

/** Optional free text (line breaks allowed): trimmed, and an empty string clears it like null does. */
export const optionalText = (max: number, start: () => z.ZodString = textSchema) =>
  start()
    .trim()
    .max(max)
    .normalize("NFC")
    .transform((text) => text || null)
    .nullable();

export const httpUrl = z
  .url({ protocol: /^https?$/, message: "Use an http(s) URL." })
  .max(2048)
  .nullable();

const minutes = (message: string) => z.number().int({ message }).min(1, { message }).max(1440, { message });

/** A service's buffer (API.md v1 extensions "Service buffers"): services.buffer_*_minutes allows 0..240. */
export const MAX_BUFFER_MINUTES = 240;
const bufferMinutes = (side: "before" | "after") => {
  const message = `Use a whole number of minutes from 0 to ${MAX_BUFFER_MINUTES}.`;
  return z
    .number()
    .int({ message })
    .min(0, { message })
    .max(MAX_BUFFER_MINUTES, { message })
    .describe(
      side === "before"
        ? "Minutes the worker and the location are held before each appointment (preparation); default 0."
        : "Minutes the worker and the location are held after each appointment (cleaning); default 0.",
    );
};

const currencyCodes = new Set(Intl.supportedValuesOf("currency"));
export const currency = lineSchema()
  .trim()
  .toUpperCase()
  .refine((code) => /^[A-Z]{3}$/.test(code) && currencyCodes.has(code), {
    message: "Use an ISO 4217 currency code of three letters, e.g. RUB.",
  });

// numeric(12, 2): ten digits before the point, two after.
const price = z
  .number()
  .min(0, { message: "A price cannot be negative." })
  .max(9_999_999_999.99)
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, {
    message: "Use at most two decimals.",
  });

// ---- Locations

const locationFields = {
  name: catalogName,
  slug: catalogSlug,
  kind: z.enum(LOCATION_KINDS),
  address: optionalText(500, lineSchema),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  timezone: lineSchema().trim().refine(isValidTimeZone, { message: "Use an IANA time zone such as Europe/Moscow." }),
  description: optionalText(5000),
};

export const locationCreateSchema = z.object({
  ...z.object(locationFields).partial().shape,
  name: locationFields.name,
  // Without one, the business's defaultTimezone (API.md v1 extensions).
  timezone: locationFields.timezone.optional(),
  kind: locationFields.kind.default("workplace"),
});
export const locationPatchSchema = z.object(locationFields).partial();
export type LocationCreate = z.infer<typeof locationCreateSchema>;
export type LocationPatch = z.infer<typeof locationPatchSchema>;

// ---- Specialties

const specialtyFields = { name: catalogName, slug: catalogSlug };

export const specialtyCreateSchema = z.object({ name: specialtyFields.name, slug: specialtyFields.slug.optional() });
export const specialtyPatchSchema = z.object(specialtyFields).partial();
export type SpecialtyCreate = z.infer<typeof specialtyCreateSchema>;
export type SpecialtyPatch = z.infer<typeof specialtyPatchSchema>;

// ---- Services

const serviceFields = {
  name: catalogName,
  slug: catalogSlug,
  description: optionalText(5000),
  durationMinutes: minutes("Use a whole number of minutes from 1 to 1440."),
  bufferBeforeMinutes: bufferMinutes("before"),
  bufferAfterMinutes: bufferMinutes("after"),
  price,
  currency,
  imageUrl: imageUrlSchema,
  active: z.boolean(),
};

export const serviceCreateSchema = z.object({
  ...z.object(serviceFields).partial().shape,
  name: serviceFields.name,
  durationMinutes: serviceFields.durationMinutes,
  price: serviceFields.price,
  currency: serviceFields.currency.default("RUB"),
  active: serviceFields.active.default(true),
});
export const servicePatchSchema = z.object(serviceFields).partial();
export type ServiceCreate = z.infer<typeof serviceCreateSchema>;
export type ServicePatch = z.infer<typeof servicePatchSchema>;

// ---- Workers

const serviceRefs = z.array(refSchema).max(200);

const workerFields = {
  name: catalogName,
  slug: catalogSlug,
  bio: optionalText(5000),
  avatarUrl: imageUrlSchema,
  active: z.boolean(),
  /** A specialty id or slug; null clears it. */
  specialtyId: refSchema.nullable(),
  /** The home location's id or slug; null clears it. */
  locationId: refSchema.nullable(),
  /** The full list of services the worker performs, as ids or slugs; replaces the current list. */
  serviceIds: serviceRefs,
  /** Accepted as another name of `serviceIds` (API.md: "`services` takes a list of service refs"). */
  services: serviceRefs,
  slotStepMinutes: minutes("Use a whole number of minutes from 1 to 1440, or null.").nullable(),
  bookingHorizonDays: z
    .number()
    .int()
    .min(1, { message: "Use 1 to 366 days." })
    .max(366, { message: "Use 1 to 366 days." }),
};

/** Folds the `services` alias into `serviceIds`; giving both is ambiguous. */
function withServiceIds<T extends { serviceIds?: string[]; services?: string[] }>(schema: z.ZodType<T>) {
  return schema
    .refine((body) => body.serviceIds === undefined || body.services === undefined, {
      message: "Give serviceIds or services, not both.",
      path: ["services"],
    })
    .transform(({ services, ...body }) => ({ ...body, serviceIds: body.serviceIds ?? services }));
}

export const workerCreateSchema = withServiceIds(
  z.object({
    ...z.object(workerFields).partial().shape,
    name: workerFields.name,
    active: workerFields.active.default(true),
    bookingHorizonDays: workerFields.bookingHorizonDays.default(7),
  }),
);
/** The user account (role `worker`) linked to the worker record; null unlinks (PATCH only). */
const linkedUserSchema = z.uuid({ message: "Not a valid user id." }).nullable();
export const workerPatchSchema = withServiceIds(z.object({ ...workerFields, userId: linkedUserSchema }).partial());
export type WorkerCreate = z.infer<typeof workerCreateSchema>;
export type WorkerPatch = z.infer<typeof workerPatchSchema>;

// ---- List queries

/** `?includeInactive=true`: inactive workers and services too (managers only; others never see them). */
const includeInactive = z
  .enum(["true", "false", "1", "0"], { message: "Use true or false." })
  .transform((value) => value === "true" || value === "1")
  .default(false);

export const locationListQuerySchema = pageQuerySchema.extend({ kind: z.enum(LOCATION_KINDS).optional() });
export const specialtyListQuerySchema = pageQuerySchema;
export const serviceListQuerySchema = pageQuerySchema.extend({ includeInactive });
export const workerListQuerySchema = pageQuerySchema.extend({
  specialty: refSchema.optional(),
  location: refSchema.optional(),
  service: refSchema.optional(),
  q: searchSchema.optional(),
  includeInactive,
});
export type LocationListQuery = z.infer<typeof locationListQuerySchema>;
export type ServiceListQuery = z.infer<typeof serviceListQuerySchema>;
export type WorkerListQuery = z.infer<typeof workerListQuerySchema>;
