import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import type { z } from "zod";
import { itemsOf, locationSchema, serviceSchema, specialtySchema, workerSchema } from "@/lib/contract";
import {
  locationCreateSchema,
  locationListQuerySchema,
  locationPatchSchema,
  serviceCreateSchema,
  serviceListQuerySchema,
  servicePatchSchema,
  specialtyCreateSchema,
  specialtyListQuerySchema,
  specialtyPatchSchema,
  workerCreateSchema,
  workerListQuerySchema,
  workerPatchSchema,
} from "@/lib/validation/catalog";
import { refParamsSchema } from "@/lib/validation/common";
import { describeEndpoint } from "../operation";

const CACHING =
  "Answers carry an ETag; send it back in If-None-Match to get 304 Not Modified while the catalog is unchanged.";

type Resource = {
  plural: string;
  one: string;
  tag: string;
  schema: z.ZodType;
  listQuery: z.ZodObject;
  create: z.ZodType;
  patch: z.ZodType;
  listNote?: string;
  createNote?: string;
  deleteNote?: string;
  patchNote?: string;
};

const resources: Resource[] = [
  {
    plural: "locations",
    one: "location",
    tag: "Locations",
    schema: locationSchema,
    listQuery: locationListQuerySchema,
    create: locationCreateSchema,
    patch: locationPatchSchema,
    createNote:
      "Without `timezone` the location takes the business's `defaultTimezone` (GET /business; `UTC` until a " +
      "manager sets it).",
    deleteNote: "Refused with 409 has_appointments while booked appointments there lie ahead.",
  },
  {
    plural: "specialties",
    one: "specialty",
    tag: "Specialties",
    schema: specialtySchema,
    listQuery: specialtyListQuerySchema,
    create: specialtyCreateSchema,
    patch: specialtyPatchSchema,
  },
  {
    plural: "services",
    one: "service",
    tag: "Services",
    schema: serviceSchema,
    listQuery: serviceListQuerySchema,
    create: serviceCreateSchema,
    patch: servicePatchSchema,
    listNote: "`includeInactive=true` lists retired services too (managers only; ignored for others).",
    createNote:
      "`bufferBeforeMinutes` and `bufferAfterMinutes` (0 to 240, default 0) hold the worker and the location " +
      "before and after each appointment of the service: slots, availability and available days leave room for " +
      "them inside the shift, and the database refuses an appointment whose held interval overlaps another's.",
    patchNote:
      "A change of the buffers applies to appointments booked (or moved) from now on; cached slot lists are " +
      "recomputed at once. Appointments already booked keep holding what they held.",
    deleteNote:
      "A service only past appointments name is deactivated instead; 409 has_appointments while booked ones lie ahead.",
  },
  {
    plural: "workers",
    one: "worker",
    tag: "Workers",
    schema: workerSchema,
    listQuery: workerListQuerySchema,
    create: workerCreateSchema,
    patch: workerPatchSchema,
    listNote:
      "Filter by `specialty`, `location`, `service` (id or slug) and `q` (name, any script and case). " +
      "`includeInactive=true` lists retired workers too (managers only). Staff (admin and up) also see " +
      "`userId`, the linked user account.",
    patchNote:
      "`userId` links the worker record to a user account of role `worker` (the specialist signs in and sees " +
      "their own day); null unlinks. An id naming no account, or an account of another role, answers 400 " +
      "validation_failed on `userId`; an account already linked to another worker record answers 409 " +
      "already_exists (`details.field`: `userId`).",
    deleteNote:
      "A worker only past appointments name is deactivated instead; 409 has_appointments while booked ones lie ahead.",
  },
];

export function registerCatalog(registry: OpenAPIRegistry) {
  for (const r of resources) {
    const base = `/${r.plural}`;
    const item = `${base}/{ref}`;
    describeEndpoint(registry, {
      method: "get",
      path: base,
      tag: r.tag,
      summary: `List ${r.plural}`,
      description: [r.listNote, CACHING].filter(Boolean).join(" "),
      access: "anyone",
      query: r.listQuery,
      ok: { status: 200, description: `A page of ${r.plural}.`, schema: itemsOf(r.schema) },
    });
    describeEndpoint(registry, {
      method: "post",
      path: base,
      tag: r.tag,
      summary: `Create a ${r.one}`,
      description: ["A slug, when not given, is made from the name (Cyrillic transliterated).", r.createNote]
        .filter(Boolean)
        .join(" "),
      access: "manager",
      body: r.create,
      ok: { status: 201, description: `The new ${r.one}.`, schema: r.schema },
      errors: ["already_exists", "not_found"],
    });
    describeEndpoint(registry, {
      method: "get",
      path: item,
      tag: r.tag,
      summary: `Get a ${r.one} by id or slug`,
      description: CACHING,
      access: "anyone",
      params: refParamsSchema,
      ok: { status: 200, description: `The ${r.one}.`, schema: r.schema },
      errors: ["not_found"],
    });
    describeEndpoint(registry, {
      method: "patch",
      path: item,
      tag: r.tag,
      summary: `Change a ${r.one}`,
      description: ["Only the fields given change.", r.patchNote].filter(Boolean).join(" "),
      access: "manager",
      params: refParamsSchema,
      body: r.patch,
      ok: { status: 200, description: `The changed ${r.one}.`, schema: r.schema },
      errors: ["not_found", "already_exists"],
    });
    describeEndpoint(registry, {
      method: "delete",
      path: item,
      tag: r.tag,
      summary: `Delete a ${r.one}`,
      description: r.deleteNote,
      access: "manager",
      params: refParamsSchema,
      ok: { status: 204, description: "Deleted (or deactivated)." },
      errors: ["not_found", "has_appointments"],
    });
  }
}
