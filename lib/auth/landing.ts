// Where someone lands after signing in when no page asked for them (the sign-in form's callbackUrl
// is "/"): staff go to their own desk, clients stay on the public site.
import type { Role } from "./roles";

const LANDING: Record<Role, string> = {
  client: "/",
  // The worker's own day (/me/day) comes with the worker pages; until then the public site.
  worker: "/",
  admin: "/admin",
  manager: "/manage",
};

export function landingPathFor(role: Role): string {
  return LANDING[role];
}
