// Who writes a worker's time off (API.md "Roles"): a manager anyone's, a worker their own worker
// record's (v1 extensions); everyone else is refused. Reading stays public (the schedule shows it).
import type { Executor } from "@/db/client";
import { findWorkerOfUser } from "@/db/queries/worker-of-user";
import { type Caller, hasRole } from "@/lib/auth/roles";
import { forbidden } from "@/lib/errors";

export const mayCancelWithTimeOff = (caller: Caller) => hasRole(caller.role, "manager");

/** Throws 403 unless `caller` may add or delete time off of the worker `workerId`. */
export async function requireTimeOffWriter(db: Executor, caller: Caller, workerId: string): Promise<void> {
  if (hasRole(caller.role, "manager")) return;
  if (caller.role === "worker" && (await findWorkerOfUser(db, caller.id))?.id === workerId) return;
  throw forbidden("A specialist adds and removes their own time off; a manager anyone's.");
}
