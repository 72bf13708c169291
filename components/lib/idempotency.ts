// Idempotency keys for booking requests, in a module of their own with no imports, so the /book
// island that needs them does not bring the calendar arithmetic of ./booking.ts into the browser.

/** A fresh Idempotency-Key; getRandomValues works outside secure contexts too, unlike randomUUID. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Idempotency keys per request body: asking again with the same body (a retry after a lost answer)
 * reuses the key, so the API answers the first booking instead of booking twice; a changed body is
 * a new attempt with a new key (the API refuses a key reused with another body).
 */
export function idempotencyKeys() {
  let last: { body: string; key: string } | undefined;
  return {
    keyFor(body: unknown): string {
      const text = JSON.stringify(body);
      if (last?.body !== text) last = { body: text, key: newIdempotencyKey() };
      return last.key;
    },
    /** After a refusal (409, 400) the next try is a new attempt even with the same body. */
    forget() {
      last = undefined;
    },
  };
}
