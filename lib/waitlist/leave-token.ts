// Leave links of waitlist entries whose client has no account (API.md "Waitlist", guests): made the
// way manage links are (lib/booking/manage-token.ts): 32 random bytes, only the SHA-256 stored
// (waitlist_leave_tokens), sealed (AES-256-GCM, bound to the entry's id) into the message row that
// carries it and put into the text only as the message goes out (lib/notifications/manage-link.ts).
// The link keeps the token in the URL fragment (`/waitlist/{id}/leave#token=…`), which never reaches
// a server log; the page sends it in the X-Manage-Token header. A token takes its one entry off the
// list while the entry is active; after that, or for another entry, 400 invalid_token.
import type { Executor } from "@/db/client";
import { findLeaveToken, insertLeaveTokens } from "@/db/queries/waitlist";
import { hashManageToken, isManageTokenShape, newManageToken, sealManageToken } from "@/lib/booking/manage-token";
import { invalidToken } from "@/lib/errors";

export type MintedLeaveToken = { entryId: string; hash: string; sealed: string };

export function mintLeaveToken(entryId: string): MintedLeaveToken {
  const token = newManageToken();
  return { entryId, hash: hashManageToken(token), sealed: sealManageToken(token, entryId) };
}

/** Records minted tokens (their hashes only) on `tx`, the transaction that plans their messages. */
export async function recordLeaveTokens(tx: Executor, minted: MintedLeaveToken[]): Promise<void> {
  await insertLeaveTokens(
    tx,
    minted.map((m) => ({ entryId: m.entryId, tokenHash: m.hash })),
  );
}

/** Checks a presented token was issued for `entryId`; else 400 invalid_token. */
export async function checkLeaveToken(db: Executor, token: string, entryId: string): Promise<void> {
  const trimmed = token.trim();
  if (!isManageTokenShape(trimmed)) throw invalidToken();
  const row = await findLeaveToken(db, hashManageToken(trimmed));
  if (!row || row.entryId !== entryId) throw invalidToken();
}
