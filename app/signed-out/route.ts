// Where signing out lands (lib/auth/sign-out-action.ts) on its way home: the answer tells the browser
// to drop this site's caches and storage, including the specialist's day the service worker keeps for
// offline reading (app/sw.ts), so the next person on a shared phone cannot read it. Cookies other
// than the session (the language) are kept. A page rather than a redirect, since browsers act on
// Clear-Site-Data of a page they load; it moves on home at once (a meta refresh, no script needed).
export function GET() {
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=/">' +
    '<title>Slotwise</title></head><body><p><a href="/">Slotwise</a></p></body></html>';
  return new Response(html, {
    status: 200,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Clear-Site-Data": '"cache", "storage"',
      "Cache-Control": "no-store",
    },
  });
}
