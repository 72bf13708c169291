// Shared by the catalog endpoint tests: callers of every role, a manager's calls to one resource,
// and short readers of answers.
import { beforeAll } from "vitest";
import type { Role } from "@/db/schema";
import { userWithToken } from "./fixtures";
import { call } from "./http";

export type Callers = Record<Role, string>;

/** Bearer tokens of a client, an admin and a manager, made before the file's tests run. */
export function withCallers(): Callers {
  const callers = {} as Callers;
  beforeAll(async () => {
    for (const role of ["client", "admin", "manager"] as const) callers[role] = (await userWithToken(role)).token;
  });
  return callers;
}

type Handler = Parameters<typeof call>[0];

/** A manager's calls to `/api/v1/<path>` and `/api/v1/<path>/{ref}`, through the route handlers. */
export function catalogApi(
  path: string,
  list: { GET: Handler; POST: Handler },
  item: { GET: Handler; PATCH: Handler; DELETE: Handler },
  callers: Callers,
) {
  const url = `/api/v1/${path}`;
  const at = (ref: string) => ({ url: `${url}/${ref}`, params: { ref } });
  return {
    list: (query = "", token?: string) => call(list.GET, "GET", `${url}?limit=200&${query}`, { token }),
    get: (ref: string) => call(item.GET, "GET", at(ref).url, { params: at(ref).params }),
    create: (body: unknown) => call(list.POST, "POST", url, { token: callers.manager, body }),
    patch: (ref: string, body: unknown) =>
      call(item.PATCH, "PATCH", at(ref).url, { token: callers.manager, params: at(ref).params, body }),
    remove: (ref: string) =>
      call(item.DELETE, "DELETE", at(ref).url, { token: callers.manager, params: at(ref).params }),
  };
}

/** The sorted `path`s of a 400 validation_failed answer. */
export function issuePaths(res: { json: { error?: { details?: { issues?: { path: string }[] } } } }): string[] {
  return (res.json.error?.details?.issues ?? []).map((issue) => issue.path).sort();
}

const HOUR = 3_600_000;

/** An instant `hours` from now, on a whole minute; negative for the past. */
export const hoursFromNow = (hours: number) => new Date(Math.floor((Date.now() + hours * HOUR) / 60_000) * 60_000);

/** `{ startAt, endAt }` from `fromHours` to `toHours` from now, for appointment and shift builders. */
export const hoursAhead = (fromHours: number, toHours: number) => ({
  startAt: hoursFromNow(fromHours),
  endAt: hoursFromNow(toHours),
});
