export { closeDb, DatabaseInUseError, type Db, type Executor, getDb } from "./client";
export * as schema from "./schema";
