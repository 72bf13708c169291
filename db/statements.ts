// Statements defined once, at module level, and run on any executor: the database or a transaction.
//
//   const findUserById = statement("find_user_by_id", (db) =>
//     db.select().from(users).where(eq(users.id, sql.placeholder("id"))).limit(1));
//   const [user] = await findUserById(executor, { id });
//
// Why: drizzle builds a query's SQL text, parameters and row mapping on every call of a builder. A
// statement builds them once (on its first run) and afterwards only fills in the placeholders'
// values, on whichever executor it is given. postgres.js then keeps it prepared per connection (by
// its text; drizzle asks it to because the statement has a name), so PostgreSQL parses and plans it
// once per connection rather than on every request. Two caveats follow:
// - After a few runs PostgreSQL may switch a prepared statement to a generic plan, which cannot use
//   a partial index whose predicate is compared with a parameter: write conditions a partial index
//   depends on (status = 'booked') as literals in the statement.
// - Placeholders are filled through the columns' encoders, which do not take null (a jsonb column
//   would store a JSON null): write a value that is always null as a literal (or leave the column
//   out of an insert) instead, with one definition per shape.
// A statement whose shape varies (a ref that is a uuid or a slug, which fields are null) gets one
// definition per shape, chosen by code, or a `statementFamily` defined in one place.
//
// The one reach into drizzle's internals, kept here: drizzle has no public way to take a prepared
// query from one session (the pool) to another (a transaction's connection). So a statement is built
// on a recording database, whose session keeps the arguments drizzle passes to
// `PgSession.prepareQuery` (a public, abstract method every driver implements), and those arguments
// are replayed on the executor's session. The select builder also sets `joinsNotNullableMap`
// (@internal) on the query it prepared and calls its `setToken` (@internal): the former is copied
// over, or the columns of a left join would not read as null. db/statements.test.ts runs statements
// of every kind inside and outside a transaction and fails if a drizzle upgrade changes any of this.
import { is, SQL } from "drizzle-orm";
import { PgDatabase, PgDialect, type PgPreparedQuery, PgSession, type PreparedQueryConfig } from "drizzle-orm/pg-core";
import type { Db, Executor } from "./client";

export type Values = Record<string, unknown>;
/** A statement: run it with an executor and the values of its placeholders. */
export type Statement<R> = (executor: Executor, values?: Values) => Promise<R>;

/** What drizzle can prepare: a select, insert, update or delete builder. */
type Preparable<R> = { prepare(name: string): { execute(values?: Values): Promise<R> } };

type PrepareArgs = Parameters<PgSession["prepareQuery"]>;
type Recording = { args: PrepareArgs; joinsNotNullableMap?: Record<string, boolean>; raw: boolean };
type Prepared = PgPreparedQuery<PreparedQueryConfig> & { joinsNotNullableMap?: Record<string, boolean> };

const dialect = new PgDialect();

const refuseToRun = (): never => {
  throw new Error("a statement's build function builds its query, it cannot run one");
};

/** A session that runs nothing: it records what drizzle would prepare on it. */
class RecordingSession extends PgSession {
  last: Recording | undefined;

  constructor() {
    super(dialect);
  }

  prepareQuery<T extends PreparedQueryConfig = PreparedQueryConfig>(...args: PrepareArgs): PgPreparedQuery<T> {
    const recording: Recording = { args, raw: false };
    this.last = recording;
    // What the builders do with the query they prepared (see the select builder's _prepare).
    const recorder = {
      set joinsNotNullableMap(map: Record<string, boolean> | undefined) {
        recording.joinsNotNullableMap = map;
      },
      setToken: () => recorder,
      execute: refuseToRun,
    };
    return recorder as unknown as PgPreparedQuery<T>;
  }

  transaction(): Promise<never> {
    return refuseToRun();
  }
}

const recordingSession = new RecordingSession();
/** The database statements are built on: its builders make SQL but never run it. */
const recordingDb = new PgDatabase(dialect, recordingSession, undefined) as unknown as Db;

function record(name: string, build: (db: Db) => Preparable<unknown> | SQL): Recording {
  recordingSession.last = undefined;
  const built = build(recordingDb);
  if (is(built, SQL)) return { args: [dialect.sqlToQuery(built), undefined, name, false], raw: true };
  built.prepare(name);
  const recording = recordingSession.last as Recording | undefined;
  if (!recording) throw new Error(`statement ${name}: drizzle prepared nothing on the recording session`);
  return recording;
}

const rowsOf = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows);

/**
 * A statement built once from `build` (given a database to build on, never to run on) and run on any
 * executor. `name` labels it (and makes postgres.js prepare it). With a builder (select, insert,
 * update, delete) it answers what the builder's `execute` would; with raw SQL, its rows as `R`.
 */
export function statement<R>(name: string, build: (db: Db) => Preparable<R>): Statement<R>;
export function statement<R>(name: string, build: (db: Db) => SQL): Statement<R[]>;
export function statement(name: string, build: (db: Db) => Preparable<unknown> | SQL): Statement<unknown> {
  let recording: Recording | undefined;
  // One prepared query per session: the database's for good, a transaction's while it lasts.
  const bySession = new WeakMap<object, Prepared>();
  return async (executor, values = {}) => {
    recording ??= record(name, build);
    const session = executor._.session;
    let prepared = bySession.get(session);
    if (!prepared) {
      prepared = session.prepareQuery(...recording.args) as Prepared;
      if (recording.joinsNotNullableMap) prepared.joinsNotNullableMap = recording.joinsNotNullableMap;
      bySession.set(session, prepared);
    }
    const result = await prepared.execute(values);
    return recording.raw ? rowsOf(result) : result;
  };
}

type Key = string | number | boolean;

/**
 * Statements of one kind whose shape depends on a few plain values (a ref being a uuid or a slug,
 * a lock strength): `build` makes the shape for `key`, once per key.
 */
export function statementFamily<K extends readonly Key[], R>(
  name: string,
  build: (db: Db, ...key: K) => Preparable<R>,
): (...key: K) => Statement<R> {
  const members = new Map<string, Statement<R>>();
  return (...key) => {
    const id = JSON.stringify(key);
    let member = members.get(id);
    if (!member) {
      member = statement(`${name}(${key.join(",")})`, (db) => build(db, ...key));
      members.set(id, member);
    }
    return member;
  };
}
