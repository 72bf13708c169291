// The manage link in a client's messages (lib/booking/manage-token.ts): a message is rendered and
// stored when it is planned, with a placeholder where the token goes, and its row keeps the token
// sealed; the token is put in only as the message is handed over to be sent (./send.ts), and the
// sealed copy is cleared once it has gone. No stored text ever holds a manage token.
import type { NotificationKind } from "@/db/schema/notifications";
import { openManageToken } from "@/lib/booking/manage-token";
import { appBaseUrl, appointmentLink } from "./links";

/** Where the token goes in a stored message (letters and underscores: unchanged by URL and HTML escaping). */
export const MANAGE_TOKEN_PLACEHOLDER = "SLOTWISE_MANAGE_TOKEN_PLACEHOLDER";

/** The client's messages that carry the manage link (not a cancellation: nothing is left to manage). */
export const carriesManageLink = (kind: NotificationKind) =>
  kind === "confirmation" || kind === "rescheduled" || kind === "reminder";

/** `/appointments/{id}/manage#token=<placeholder>`: the token stays in the fragment. */
export function manageLinkTemplate(appointmentId: string): string {
  return `${appointmentLink(appointmentId).replace(/\/$/, "")}/manage#token=${MANAGE_TOKEN_PLACEHOLDER}`;
}

/** `/waitlist/{id}/leave#token=<placeholder>`: a guest's waitlist entry's leave link (lib/waitlist/leave-token.ts). */
export function leaveLinkTemplate(entryId: string): string {
  return new URL(
    `/waitlist/${encodeURIComponent(entryId)}/leave#token=${MANAGE_TOKEN_PLACEHOLDER}`,
    appBaseUrl(),
  ).toString();
}

type StoredMessage = {
  appointmentId: string | null;
  /** A waitlist message's entry: its leave token is sealed to the entry's id. */
  waitlistEntryId?: string | null;
  text: string;
  html: string;
  manageTokenSealed: string | null;
};

/**
 * The text and HTML to send: the placeholder replaced by the token. A token that cannot be opened
 * (AUTH_SECRET changed since) leaves the link without one: it opens the page, which says the link
 * no longer works, rather than the message not going out.
 */
export function withManageToken(message: StoredMessage): { text: string; html: string } {
  const sealed = message.manageTokenSealed;
  const boundTo = message.appointmentId ?? message.waitlistEntryId ?? null;
  const token = sealed && boundTo ? openManageToken(sealed, boundTo) : null;
  const fill = (value: string) => value.replaceAll(MANAGE_TOKEN_PLACEHOLDER, token ?? "");
  return { text: fill(message.text), html: fill(message.html) };
}
