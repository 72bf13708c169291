// A caller as the appointment rules see them (./permissions.ts Viewer): a `worker` with the id of
// the worker record their account is linked to. Read on every call, like the caller's own row, so
// a manager's relinking applies at once.
import { type Executor, getDb } from "@/db/client";
import { findWorkerOfUser } from "@/db/queries/worker-of-user";
import type { Caller } from "@/lib/auth/roles";
import { isGuest, type Viewer } from "./permissions";

export async function asViewer(caller: Caller, db?: Executor): Promise<Viewer> {
  if (caller.role !== "worker" || isGuest(caller)) return caller;
  const worker = await findWorkerOfUser(db ?? (await getDb()), caller.id);
  return { ...caller, ownWorkerId: worker?.id ?? null };
}
