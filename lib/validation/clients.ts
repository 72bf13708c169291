// Write bodies and the list query of client records (API.md "Client"), shared by the route
// handlers, the booking endpoint's inline client, the OpenAPI description and the desk's forms.
import { z } from "zod";
import { optionalText } from "./catalog";
import { emailSchema, genderSchema, isoDateSchema, nameSchema, pageQuerySchema, phoneSchema } from "./common";

/** Names are stored composed (NFC) so that search sees one form of "й". */
const clientName = nameSchema.normalize("NFC");

const clientFields = {
  name: clientName,
  // null (or, for phone and notes, an empty string) clears the field.
  phone: z.union([z.literal("").transform(() => null), phoneSchema]).nullable(),
  email: emailSchema.nullable(),
  gender: genderSchema.nullable(),
  birthDate: isoDateSchema.nullable(),
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

export const clientListQuerySchema = pageQuerySchema.extend({ q: z.string().trim().max(200).optional() });
export type ClientListQuery = z.infer<typeof clientListQuerySchema>;
