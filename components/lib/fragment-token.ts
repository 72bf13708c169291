/**
 * The `token` of a link's URL fragment (`…#token=…`), which no request carries, dropped from the
 * address bar at once so it stays out of history and screenshots; null when the link has none.
 * Browser only (call it in an effect).
 */
export function takeFragmentToken(): string | null {
  const token = new URLSearchParams(window.location.hash.slice(1)).get("token");
  if (token) window.history.replaceState(null, "", window.location.pathname + window.location.search);
  return token;
}
