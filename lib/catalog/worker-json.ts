// Workers in their public shape (lib/contract/worker.ts): the rows they are made from are read in
// three queries whatever the number of workers.
import { type Executor, getDb } from "@/db/client";
import { loadWorkerDetails } from "@/db/queries/worker-details";
import { listWorkers, type WorkerFilter } from "@/db/queries/workers";
import type { Worker as WorkerRow } from "@/db/schema/catalog";
import { toWorkerJson, type Worker, type WorkerView } from "@/lib/contract/worker";

/** `rows` as API.md "Worker", in their order (with the linked user for staff). */
export async function workersToJson(db: Executor, rows: WorkerRow[], view?: WorkerView): Promise<Worker[]> {
  return (await loadWorkerDetails(db, rows)).map((details) => toWorkerJson(details, view));
}

/** `workersToJson` on the app's database. */
export async function toWorkersJson(rows: WorkerRow[], view?: WorkerView): Promise<Worker[]> {
  return workersToJson(await getDb(), rows, view);
}

/** A page of workers matching `filter` (see `listWorkers`) in their public shape: the home page's directory. */
export async function listWorkersJson(filter: WorkerFilter): Promise<Worker[]> {
  const db = await getDb();
  return workersToJson(db, await listWorkers(db, filter));
}
