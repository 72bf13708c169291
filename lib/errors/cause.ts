// How an error's original is found under the wrappers (drizzle, Node's sockets) put around it.

type ErrorLink = { code?: unknown; cause?: unknown; [field: string]: unknown };

/**
 * The first error in `err`'s chain of causes (itself, its `cause`, that one's `cause`, …, at most
 * `depth` links) that `matches`: drizzle wraps driver errors and Node wraps socket errors, keeping
 * the original on `cause`. The one walk over that chain.
 */
export function findCause(err: unknown, matches: (e: ErrorLink) => boolean, depth = 4): ErrorLink | undefined {
  let e = err as ErrorLink | undefined;
  for (let link = 0; e && link < depth; link++) {
    if (matches(e)) return e;
    e = e.cause as ErrorLink | undefined;
  }
  return undefined;
}

/** SQLSTATE of a database error. */
export function sqlState(err: unknown): string | undefined {
  return findCause(err, (e) => typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code))?.code as string | undefined;
}

/** The constraint a database error names: postgres.js calls it `constraint_name`, PGlite `constraint`. */
export function constraintName(err: unknown, known?: (name: string) => boolean): string | undefined {
  const nameOf = (e: ErrorLink) => e.constraint_name ?? e.constraint;
  const found = findCause(err, (e) => {
    const name = nameOf(e);
    return typeof name === "string" && (!known || known(name));
  });
  return found && (nameOf(found) as string);
}
