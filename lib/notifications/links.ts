// Absolute links back to the app in messages. The base is APP_URL, else NEXTAUTH_URL (which the
// sign-in already uses), else http://localhost:3000 (the default `npm start`).
export function appBaseUrl(): string {
  const configured = process.env.APP_URL?.trim() || process.env.NEXTAUTH_URL?.trim();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // A malformed setting falls through to the default rather than breaking every booking.
    }
  }
  return `http://localhost:${process.env.PORT ?? 3000}`;
}

/** The appointment's page: the client's own, and staff's. */
export function appointmentLink(appointmentId: string): string {
  return new URL(`/appointments/${encodeURIComponent(appointmentId)}`, appBaseUrl()).toString();
}
