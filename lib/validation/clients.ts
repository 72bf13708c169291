// Write bodies and the list query of client records (API.md "Client"), shared by the route
// handlers, the booking endpoint's inline client, the OpenAPI description and the desk's forms.
import { z } from "zod";
import { addDaysToDate, zonedDateOf } from "@/lib/time/zoned";
import { optionalText } from "./catalog";
import {
  emailSchema,
  genderSchema,
  isoDateSchema,
  lineSchema,
  nameSchema,
  pageQuerySchema,
  phoneSchema,
  searchSchema,
  uuidSchema,
} from "./common";

/**
 * A person's birth date: a calendar date from 1900 to today. "Today" is the latest date anywhere on
 * Earth (UTC's date plus one), so a birth today is accepted in every time zone. Zod runs this check
 * after a failed date check too; a date that is malformed or outside the years 1000-9998 already has
 * its one issue, so only a valid date is judged here.
 */
export const birthDateSchema = isoDateSchema.refine(
  (date) =>
    !isoDateSchema.safeParse(date).success ||
    (date >= "1900-01-01" && date <= addDaysToDate(zonedDateOf(new Date(), "UTC"), 1)),
  { message: "Use a birth date from 1900-01-01 to today." },
);

/** A phone that null or an empty string clears. */
export const clearablePhoneSchema = z.union([z.literal("").transform(() => null), phoneSchema]).nullable();

/** Names are stored composed (NFC) so that search sees one form of "й". */
const clientName = nameSchema.normalize("NFC");

const clientFields = {
  name: clientName,
  // null (or, for phone and notes, an empty string) clears the field.
  phone: clearablePhoneSchema,
  email: emailSchema.nullable(),
  gender: genderSchema.nullable(),
  birthDate: birthDateSchema.nullable(),
  notes: optionalText(5000),
};

export const clientCreateSchema = z.object({
  ...z.object(clientFields).partial().shape,
  name: clientFields.name,
});
export const clientPatchSchema = z.object(clientFields).partial();
export type ClientCreate = z.infer<typeof clientCreateSchema>;
export type ClientPatch = z.infer<typeof clientPatchSchema>;

/** The client given inline when the desk books someone new (`POST /appointments` `client`). */
export const clientInlineSchema = clientCreateSchema.pick({ name: true, phone: true, email: true });
export type ClientInline = z.infer<typeof clientInlineSchema>;

export const clientListQuerySchema = pageQuerySchema.extend({ q: searchSchema.optional() });
export type ClientListQuery = z.infer<typeof clientListQuerySchema>;

/** `POST /clients/{id}/link-user`: the registered account the desk links this record to. */
export const clientLinkUserSchema = z.object({ userId: uuidSchema });

/**
 * `GET /clients/duplicates`: what a new or edited record would share with others. A phone is
 * compared by its digits (at least 5 of them), an email in any case; at least one is needed.
 */
export const clientDuplicatesQuerySchema = z
  .object({
    phone: lineSchema().trim().max(40).optional(),
    email: lineSchema().trim().max(254).optional(),
    excludeId: uuidSchema.optional(),
  })
  .refine((q) => Boolean(q.phone || q.email), { message: "Give a phone or an email.", path: ["phone"] });
export type ClientDuplicatesQuery = z.infer<typeof clientDuplicatesQuerySchema>;

/** `POST /clients/{id}/merge`: the record this one is merged into (and which stays). */
export const clientMergeSchema = z.object({ intoId: uuidSchema });
