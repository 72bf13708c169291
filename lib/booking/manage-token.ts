// Manage links (API.md "Anonymous booking": "Tokens are 32+ random bytes, stored hashed"):
// `/appointments/{id}/manage#token=…`, in the client's mails of every appointment booked for a client
// with an email (a guest's only way in; a registered client may also sign in).
//
// A token is 32 random bytes (base64url, 43 characters), made in the transaction that books (or
// moves) the appointment. The database keeps only its SHA-256 (manage_tokens), once; looking a token
// up by its hash is the comparison (no secret is compared byte by byte). The mails are rendered later,
// by the notification jobs, so the token travels to them sealed: AES-256-GCM under a key derived from
// AUTH_SECRET with HKDF, bound to its appointment (the appointment's id is the additional data). The
// stored messages hold a placeholder where the token goes (./../notifications/manage-link.ts) and the
// token is put in only as a message is handed to the SMTP server; what is stored is never the token.
//
// A token opens its one appointment while it is booked and has not ended; the link puts it in the URL
// fragment, which never reaches a server log. Tokens of the earlier scheme (an HMAC of the id, before
// this change) were stored the same way, by their SHA-256, so links already mailed keep working.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { type Executor, getDb } from "@/db/client";
import { findManageToken, insertManageToken } from "@/db/queries/manage-tokens";
import { authSecret } from "@/lib/auth/secret";
import { invalidToken } from "@/lib/errors";

const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The header the app's own page sends the token in (the `?token=` query parameter works too). */
export const MANAGE_TOKEN_HEADER = "x-manage-token";

const sha256 = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** What is stored of a token: its SHA-256, hex (also the waitlist's leave links, lib/waitlist/leave-token.ts). */
export const hashManageToken = sha256;

/** Whether a presented token has a token's shape (43 base64url characters), before any lookup. */
export const isManageTokenShape = (token: string) => TOKEN_SHAPE.test(token);

/** A fresh token: 32 random bytes, base64url. */
export function newManageToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/** A new token of the appointment: its hash to store and the token sealed for the mails. */
export type MintedManageToken = { appointmentId: string; hash: string; sealed: string };

export function mintManageToken(appointmentId: string): MintedManageToken {
  const token = newManageToken();
  return { appointmentId, hash: sha256(token), sealed: sealManageToken(token, appointmentId) };
}

/**
 * Records a minted token (its hash only) on `tx`, the booking's or the move's transaction, to run
 * beside its other writes; the sealed token goes into that change's notify job, never into a table
 * of its own.
 */
export async function recordManageToken(tx: Executor, minted: MintedManageToken): Promise<void> {
  await insertManageToken(tx, minted.appointmentId, minted.hash);
}

const SEAL_VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

function sealKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), "slotwise", "slotwise.manage-token.seal.v1", 32));
}

/** `v1.<iv>.<ciphertext>.<tag>` (base64url): the token under AES-256-GCM, bound to the appointment. */
export function sealManageToken(token: string, appointmentId: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", sealKey(), iv);
  cipher.setAAD(Buffer.from(appointmentId, "utf8"));
  const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return [SEAL_VERSION, iv, body, cipher.getAuthTag()]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** The token sealed by sealManageToken for this appointment; null when it cannot be opened (another key, tampered, another appointment). */
export function openManageToken(sealed: string, appointmentId: string): string | null {
  const [version, iv, body, tag, ...rest] = sealed.split(".");
  if (version !== SEAL_VERSION || !iv || !body || !tag || rest.length > 0) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealKey(), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(appointmentId, "utf8"));
    const tagBytes = Buffer.from(tag, "base64url");
    if (tagBytes.length !== TAG_BYTES) return null;
    decipher.setAuthTag(tagBytes);
    const token = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    return TOKEN_SHAPE.test(token) ? token : null;
  } catch {
    return null;
  }
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
