// Where to send someone after signing in or registering, from a `callbackUrl` anyone can put in a
// link: only somewhere on this site, else an open redirect turns our sign-in page into a phishing aid.

/** Stands for the app's origin when none is given: only the same-origin test needs one. */
const SELF = "http://slotwise.invalid";

// Browsers drop tabs and newlines anywhere in a URL and control characters and spaces at its ends,
// so "/\t/evil.example" is "//evil.example" to them: judge the URL they will actually follow.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\s]/gu;

/**
 * The same-origin path (with query and fragment) that `target` leads to, or `fallback`. Absolute
 * URLs count only when they are on `origin`; protocol-relative (`//x`), backslashed (`/\x`),
 * `javascript:` and other schemes never do. The answer is always a path starting with one "/".
 */
export function safeRedirectPath(target: unknown, { origin = SELF, fallback = "/" } = {}): string {
  if (typeof target !== "string") return fallback;
  const cleaned = target.replace(INVISIBLE, "");
  if (cleaned === "") return fallback;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(cleaned, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin) return fallback;
  // "/..//evil.example" resolves to the path "//evil.example", which a browser reads as another host.
  if (url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
