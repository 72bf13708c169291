// Manage links (API.md "Anonymous booking"): `/appointments/{id}/manage#token=…`, in the client's
// mails of every appointment booked for a client with an email (a guest's only way in; a registered
// client may also sign in).
// The token is 32 bytes (base64url, 43 characters) made with HMAC-SHA256 under AUTH_SECRET from the
// appointment's id, so the confirmation and reminder mails (rendered later, by the notification job)
// can carry it without the token ever being stored: the table keeps only its SHA-256, written in the
// booking transaction, and a token counts only while that row exists. Looking a token up by its hash
// is the comparison (no secret is compared byte by byte). A token opens its one appointment while it
// is booked and has not ended; the link puts it in the URL fragment, which never reaches a server log.
import { createHash, createHmac } from "node:crypto";
import { type Executor, getDb } from "@/db/client";
import { findManageToken, insertManageToken } from "@/db/queries/manage-tokens";
import { authSecret } from "@/lib/auth/secret";
import { invalidToken } from "@/lib/errors";

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The header the app's own page sends the token in (the `?token=` query parameter works too). */
export const MANAGE_TOKEN_HEADER = "x-manage-token";

const sha256 = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** The manage token of an appointment (the same every time it is asked for). */
export function manageToken(appointmentId: string): string {
  return createHmac("sha256", authSecret()).update(`slotwise.manage:${appointmentId}`).digest("base64url");
}

/** Records the appointment's token (its hash) on `tx`, in the booking's transaction. */
export async function issueManageToken(tx: Executor, appointmentId: string): Promise<void> {
  await insertManageToken(tx, appointmentId, sha256(manageToken(appointmentId)));
}

/**
 * The appointment id a presented token opens, if it was issued for `appointmentId`; else 400
 * invalid_token (unknown, malformed, or another appointment's). Whether the appointment still lets the
 * token in (booked, not ended) is for the caller to check on the row it reads.
 */
export async function appointmentOfToken(token: string, appointmentId: string): Promise<string> {
  const trimmed = token.trim();
  if (!TOKEN_SHAPE.test(trimmed)) throw invalidToken();
  const row = await findManageToken(await getDb(), sha256(trimmed));
  if (!row || row.appointmentId !== appointmentId) throw invalidToken();
  return row.appointmentId;
}

/** The token a request carries: the X-Manage-Token header, else `?token=`; null when neither. */
export function presentedManageToken(headers: Headers, search: URLSearchParams): string | null {
  return headers.get(MANAGE_TOKEN_HEADER) ?? search.get("token");
}
