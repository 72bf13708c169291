// Which methods each API path answers, so that any other method gets API.md's error shape (405
// method_not_allowed with an Allow header) from our HTTP server (lib/server/api-gate.ts) instead of Next.js's empty 405. The test
// beside this file holds the table to the route files, so it cannot fall behind them.
export const ROUTE_METHODS: Record<string, readonly string[]> = {
  "/appointments": ["GET", "POST"],
  "/appointments/{id}": ["GET", "PATCH"],
  "/appointments/{id}/cancel": ["POST"],
  "/appointments/{id}/ics": ["GET"],
  "/appointments/{id}/notifications": ["GET"],
  "/audit": ["GET"],
  "/auth/password-reset": ["POST"],
  "/auth/password-reset/confirm": ["POST"],
  "/auth/register": ["POST"],
  "/auth/token": ["POST"],
  "/auth/verify-email": ["POST"],
  "/auth/verify-email/resend": ["POST"],
  "/availability": ["GET"],
  "/business": ["GET", "PATCH"],
  "/clients": ["GET", "POST"],
  // Before "/clients/{id}": the first template that fits answers.
  "/clients/duplicates": ["GET"],
  "/clients/{id}": ["GET", "PATCH", "DELETE"],
  "/clients/{id}/link-user": ["POST"],
  "/clients/{id}/merge": ["POST"],
  "/health": ["GET"],
  "/locations": ["GET", "POST"],
  "/locations/{ref}": ["GET", "PATCH", "DELETE"],
  "/locations/{ref}/schedule": ["GET"],
  "/me": ["GET"],
  "/openapi.json": ["GET"],
  "/outbox": ["GET"],
  "/reports/appointments.csv": ["GET"],
  "/services": ["GET", "POST"],
  "/services/{ref}": ["GET", "PATCH", "DELETE"],
  "/shifts/{id}": ["PATCH", "DELETE"],
  "/specialties": ["GET", "POST"],
  "/specialties/{ref}": ["GET", "PATCH", "DELETE"],
  "/stats/appointments-per-day": ["GET"],
  "/stats/summary": ["GET"],
  "/time-off/{id}": ["DELETE"],
  "/uploads": ["POST"],
  "/users": ["GET", "POST"],
  "/users/{id}": ["GET", "PATCH"],
  "/users/{id}/block": ["POST"],
  "/users/{id}/unblock": ["POST"],
  "/waitlist": ["GET", "POST"],
  "/waitlist/{id}": ["DELETE"],
  "/webhooks": ["GET", "POST"],
  "/webhooks/{id}": ["GET", "PATCH", "DELETE"],
  "/webhooks/{id}/deliveries": ["GET"],
  "/webhooks/{id}/rotate-secret": ["POST"],
  "/webhooks/{id}/test": ["POST"],
  "/workers": ["GET", "POST"],
  "/workers/{ref}": ["GET", "PATCH", "DELETE"],
  "/workers/{ref}/available-days": ["GET"],
  "/workers/{ref}/calendar-token": ["GET", "POST"],
  "/workers/{ref}/calendar.ics": ["GET"],
  "/workers/{ref}/schedule": ["GET"],
  "/workers/{ref}/shifts": ["GET", "POST"],
  "/workers/{ref}/slots": ["GET"],
  "/workers/{ref}/time-off": ["GET", "POST"],
  "/workers/{ref}/weekly-schedule": ["GET", "PUT"],
};

const templates = Object.entries(ROUTE_METHODS).map(([template, methods]) => ({
  segments: template.split("/").filter(Boolean),
  methods,
}));

/** The methods of the route serving `pathname` (under /api/v1), or undefined for an unknown path. */
export function allowedMethods(pathname: string): readonly string[] | undefined {
  const segments = pathname
    .replace(/^\/api\/v1/, "")
    .split("/")
    .filter(Boolean);
  const match = templates.find(
    (t) =>
      t.segments.length === segments.length &&
      t.segments.every((s, i) => (s.startsWith("{") ? segments[i] !== "" : s === segments[i])),
  );
  return match?.methods;
}
