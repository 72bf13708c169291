// Prepares the job queue on the current database as the app's start does (pg-boss's tables and the
// queues of lib/jobs/queues.ts), without working it: what tests need for code that enqueues.

import { queues } from "@/lib/jobs/queues";
import { createJobs } from "@/lib/jobs/runtime";

export async function prepareJobQueues(): Promise<void> {
  // Handlers are never called: nothing works the queue here.
  await createJobs({ queues, handlers: {} as never, work: false });
}
