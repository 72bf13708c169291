import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { clientSchema, itemsOf } from "@/lib/contract";
import {
  clientCreateSchema,
  clientDuplicatesQuerySchema,
  clientLinkUserSchema,
  clientListQuerySchema,
  clientMergeSchema,
  clientPatchSchema,
} from "@/lib/validation/clients";
import { idParamsSchema } from "@/lib/validation/common";
import { describeEndpoint } from "../operation";

const ERASED = "An erased client answers 404 here, as if deleted.";

export function registerClients(registry: OpenAPIRegistry) {
  describeEndpoint(registry, {
    method: "get",
    path: "/clients",
    tag: "Clients",
    summary: "Find clients",
    description:
      "Ordered by name. `q` finds records whose name, email and phone together contain every word of it, in any " +
      "case and script; a `q` of phone characters also matches the phone's digits, ignoring spaces, dashes and " +
      "brackets (`900-123-4567` finds `+7 (900) 123 45 67`). Erased clients are never listed.",
    access: "admin",
    query: clientListQuerySchema,
    ok: { status: 200, description: "A page of client records.", schema: itemsOf(clientSchema) },
  });
  describeEndpoint(registry, {
    method: "post",
    path: "/clients",
    tag: "Clients",
    summary: "Add a client record",
    description:
      "A record the desk keeps, linked to no account. Registering (or a manager creating a client account) with " +
      "the same email does not link it, since emails are not verified: staff link it with " +
      "`POST /clients/{id}/link-user`. `birthDate` lies between 1900-01-01 and today.",
    access: "admin",
    body: clientCreateSchema,
    ok: { status: 201, description: "The new client record.", schema: clientSchema },
  });
  describeEndpoint(registry, {
    method: "get",
    path: "/clients/{id}",
    tag: "Clients",
    summary: "Get a client record",
    description: ERASED,
    access: "admin",
    params: idParamsSchema,
    ok: { status: 200, description: "The client record.", schema: clientSchema },
    errors: ["not_found"],
  });
  describeEndpoint(registry, {
    method: "patch",
    path: "/clients/{id}",
    tag: "Clients",
    summary: "Change a client record",
    description: `Only the fields given change; null (or, for \`phone\` and \`notes\`, an empty string) clears a field. ${ERASED}`,
    access: "admin",
    params: idParamsSchema,
    body: clientPatchSchema,
    ok: { status: 200, description: "The changed client record.", schema: clientSchema },
    errors: ["not_found"],
  });
  describeEndpoint(registry, {
    method: "delete",
    path: "/clients/{id}",
    tag: "Clients",
    summary: "Delete or erase a client",
    description:
      "Refused with 409 has_appointments (`details.appointments` lists them) while the client has booked " +
      "appointments that have not ended. A client whom only past or cancelled appointments name is erased instead " +
      'of deleted: the name becomes "Deleted client", the contacts, birth date, notes and account link are wiped, ' +
      "and the row stays only for the appointment history, hidden from the API. A client with no appointments is " +
      "deleted. Either way 204, and an audit row without personal data.",
    access: "admin",
    params: idParamsSchema,
    ok: { status: 204, description: "Deleted or erased." },
    errors: ["not_found", "has_appointments"],
  });
  describeEndpoint(registry, {
    method: "post",
    path: "/clients/{id}/link-user",
    tag: "Clients",
    summary: "Link a client record to a registered account",
    description:
      "An extension of API.md. Staff confirm that the registered user `userId` is the person of this record (say, " +
      "a walk-in the desk booked who registered later with the same email): the record gets `userId`, so its " +
      "appointments, phone and notes become the user's. The record the account already has (made when it " +
      "registered or first booked) is merged into this one so nothing is lost: its appointments move to this " +
      "record, fields this record lacks are taken from it (its notes, and any value that differs from this " +
      "record's, are added to the notes), and it is deleted. 409 " +
      "already_exists (`details.field: userId`) when this record is already linked to an account. Audited " +
      "(`client.link_user`, with the merged record's id and the moved appointments' ids). " +
      ERASED,
    access: "admin",
    params: idParamsSchema,
    body: clientLinkUserSchema,
    ok: { status: 200, description: "The linked client record.", schema: clientSchema },
    errors: ["not_found", "already_exists"],
  });
  describeEndpoint(registry, {
    method: "get",
    path: "/clients/duplicates",
    tag: "Clients",
    summary: "Find records a new client would duplicate",
    description:
      "An extension of API.md, for the desk's warning while it types a new client. Records whose phone has exactly " +
      "the digits of `phone` (spaces, dashes, brackets and `+` ignored; a phone of fewer than 5 digits matches " +
      "nothing) or whose email is `email` in any case; `excludeId` leaves out the record being edited. At most 10, " +
      "by name; erased clients are never listed. 400 validation_failed when neither `phone` nor `email` is given.",
    access: "admin",
    query: clientDuplicatesQuerySchema,
    ok: { status: 200, description: "The matching records, possibly none.", schema: itemsOf(clientSchema) },
  });
  describeEndpoint(registry, {
    method: "post",
    path: "/clients/{id}/merge",
    tag: "Clients",
    summary: "Merge a client record into another",
    description:
      "An extension of API.md. Record `id` and record `intoId` are one person: in one transaction every appointment " +
      "of `id` (with its notifications) and every waitlist entry moves to `intoId` (an active entry both hold for " +
      "the same service, worker and day stays only as `intoId`'s, the other marked removed), fields `intoId` lacks are taken from `id` (its notes, " +
      "and any value that differs, are added to the notes; its account link too, when only it has one), and `id` is " +
      "deleted. The same merge as the account's own record gets in `POST /clients/{id}/link-user`. 409 client_busy " +
      "(`details.appointments` lists the pairs `{ fromId, intoId }`) when booked appointments of the two overlap, " +
      "which one client may not hold; 409 already_exists (`details.field: userId`) when both are linked to " +
      "different accounts; 400 validation_failed when `intoId` is `id`. Audited (`client.merge` on `intoId`, " +
      "with the merged record's id and the moved appointments' and waitlist entries' ids). " +
      ERASED,
    access: "admin",
    params: idParamsSchema,
    body: clientMergeSchema,
    ok: { status: 200, description: "The record that stays, merged.", schema: clientSchema },
    errors: ["not_found", "client_busy", "already_exists"],
  });
}
