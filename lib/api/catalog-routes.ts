// The route handlers of the four catalog resources (locations, specialties, services, workers)
// follow one pattern, API.md "Catalog": anyone reads, a manager writes; lists are `{ items }`;
// POST answers 201, DELETE 204; an unknown `{ref}` is 404; reads are cached and carry an ETag
// (catalog-cache.ts). Each resource's route files only say which schemas and queries to use.
import type { z } from "zod";
import { type Caller, hasRole, isStaff } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { refParamsSchema } from "@/lib/validation/common";
import { catalogAnswer, PUBLIC_AUDIENCE } from "./catalog-cache";
import { route } from "./handler";
import { json } from "./respond";

/** Who reads: staff see fields others do not (a worker's linked user account). */
type View = { staff: boolean };
type ToJson<Row> = (rows: Row[], view: View) => unknown[] | Promise<unknown[]>;

const viewOf = (caller: Caller | null): View => ({ staff: caller !== null && isStaff(caller.role) });
/** The cache audience of a read: whatever besides the URL changes the answer. */
const audienceOf = (caller: Caller | null, includeInactive: boolean) =>
  includeInactive ? "manager" : viewOf(caller).staff ? "staff" : PUBLIC_AUDIENCE;

/** A caller who may pass `includeInactive=true` and see retired workers and services. */
export const mayIncludeInactive = (caller: { role: Parameters<typeof hasRole>[0] } | null) =>
  caller !== null && hasRole(caller.role, "manager");

/** `GET` (a page of items) and `POST` (create, manager) of a catalog collection. */
export function catalogCollection<Row, Q extends z.ZodType, C extends z.ZodType>(spec: {
  query: Q;
  body: C;
  list: (query: z.output<Q>, includeInactive: boolean) => Promise<Row[]>;
  create: (body: z.output<C>, actorId: string) => Promise<Row>;
  toJson: ToJson<Row>;
}) {
  return {
    GET: route({ query: spec.query }, async ({ req, query, caller }) => {
      const staff = mayIncludeInactive(caller);
      return catalogAnswer(req, audienceOf(caller, staff), async () => ({
        items: await spec.toJson(await spec.list(query as z.output<Q>, staff), viewOf(caller)),
      }));
    }),
    POST: route({ role: "manager", body: spec.body }, async ({ body, caller }) => {
      const [created] = await spec.toJson([await spec.create(body as z.output<C>, caller.id)], viewOf(caller));
      return json(created, 201);
    }),
  };
}

/** `GET`, `PATCH` (manager) and `DELETE` (manager) of one catalog record by `{ref}`, id or slug. */
export function catalogItem<Row, P extends z.ZodType>(spec: {
  what: string;
  patch: P;
  find: (ref: string) => Promise<Row | undefined>;
  update: (ref: string, patch: z.output<P>, actorId: string) => Promise<Row | undefined>;
  /** Falsy when `ref` names nothing. */
  remove: (ref: string, actorId: string) => Promise<unknown>;
  toJson: ToJson<Row>;
}) {
  const one = async (row: Row | undefined, caller: Caller | null) => {
    if (row === undefined) throw notFound(spec.what);
    const [item] = await spec.toJson([row], viewOf(caller));
    return item;
  };
  return {
    GET: route({ params: refParamsSchema }, async ({ req, params, caller }) =>
      catalogAnswer(req, audienceOf(caller, false), async () => one(await spec.find(params.ref), caller)),
    ),
    PATCH: route({ role: "manager", params: refParamsSchema, body: spec.patch }, async ({ params, body, caller }) =>
      one(await spec.update(params.ref, body as z.output<P>, caller.id), caller),
    ),
    DELETE: route({ role: "manager", params: refParamsSchema }, async ({ params, caller }) => {
      if (!(await spec.remove(params.ref, caller.id))) throw notFound(spec.what);
      return new Response(null, { status: 204 });
    }),
  };
}
