import { clientIp } from "@/lib/api/client-ip";
import { route } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { requireRole } from "@/lib/auth/roles";
import { createAppointment } from "@/lib/booking/create";
import { createGuestAppointment } from "@/lib/booking/guest";
import { listVisibleAppointments } from "@/lib/booking/read";
import { toAppointmentJson } from "@/lib/contract";
import { validationFailed } from "@/lib/errors";
import {
  appointmentCreateSchema,
  appointmentListQuerySchema,
  idempotencyKeySchema,
} from "@/lib/validation/appointments";

// Staff see every appointment; a client only their own.
export const GET = route({ role: "client", query: appointmentListQuerySchema }, async ({ caller, query }) => {
  const rows = await listVisibleAppointments(caller, query);
  return { items: rows.map(toAppointmentJson) };
});

// A retry with the same Idempotency-Key and body answers the first booking again (with
// `Idempotency-Replayed: true`); the same key with another body is 422 idempotency_key_reused.
// Without credentials, a guest books (API.md "Anonymous booking"): client { name, email, phone? },
// within per-IP and per-email budgets; the confirmation mail carries the manage link.
export const POST = route({ body: appointmentCreateSchema }, async ({ req, caller, body }) => {
  // Credentials that did not resolve (an expired or forged token) are a 401, never a guest booking.
  const credentials =
    req.headers.has("authorization") || req.cookies.getAll().some((c) => c.name.includes("next-auth.session-token"));
  if (!caller && credentials) requireRole(caller, "client");
  if (!caller) {
    const result = await createGuestAppointment(body, { ip: clientIp(req.headers), now: new Date() });
    return json(result.body, result.status);
  }
  const header = req.headers.get("idempotency-key");
  const key = header === null ? undefined : idempotencyKeySchema.safeParse(header);
  if (key && !key.success)
    throw validationFailed("Idempotency-Key", key.error.issues[0]?.message ?? "Not a valid key.");
  const result = await createAppointment(caller, body, { now: new Date(), idempotencyKey: key?.data });
  return json(result.body, result.status, result.replayed ? { "idempotency-replayed": "true" } : undefined);
});
