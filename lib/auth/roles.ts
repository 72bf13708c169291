import type { Role } from "@/db/schema/users";
import { forbidden, unauthenticated } from "@/lib/errors";

export type { Role };

/**
 * The role hierarchy in one place: each role may do everything the roles before it may. A worker (a
 * specialist whose account is linked to a worker record) is a client with their own worker's
 * appointments and time off besides (lib/booking/permissions.ts, lib/schedule/own-worker.ts); staff
 * (admin and up) is everything the booking desk does, which a worker is not.
 */
const RANK: Record<Role, number> = { client: 1, worker: 2, admin: 3, manager: 4 };

export type Caller = { id: string; email: string; name: string; role: Role };

export function hasRole(role: Role, atLeast: Role): boolean {
  return RANK[role] >= RANK[atLeast];
}

export const isStaff = (role: Role) => hasRole(role, "admin");

/** Narrows to a signed-in caller of at least `atLeast`, or throws 401/403. */
export function requireRole(caller: Caller | null, atLeast: Role): Caller {
  if (!caller) throw unauthenticated();
  if (!hasRole(caller.role, atLeast)) throw forbidden();
  return caller;
}
