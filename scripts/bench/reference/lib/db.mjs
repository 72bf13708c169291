// One postgres.js pool per process, sized as the app's (db/client.ts: DATABASE_POOL_SIZE, default 10).
import postgres from "postgres";

const state = globalThis;

export function sql() {
  state.__referenceSql ??= postgres(process.env.DATABASE_URL, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
    connection: { statement_timeout: 10_000 },
  });
  return state.__referenceSql;
}
