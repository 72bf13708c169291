// Where someone lands after signing in when no page asked for them (the sign-in form's callbackUrl
// is "/"): staff go to their own desk, clients stay on the public site.
import type { Role } from "./roles";

const LANDING: Record<Role, string> = {
  client: "/",
  // A specialist's own day: today's and the week's appointments, installable for the phone.
  worker: "/me/day",
  admin: "/admin",
  manager: "/manage",
};

export function landingPathFor(role: Role): string {
  return LANDING[role];
}
