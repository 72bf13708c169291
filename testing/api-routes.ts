// The API's endpoints as the route files under app/api/v1 define them, so tests that must cover
// every endpoint (the OpenAPI coverage test, the fuzz test) pick up endpoints added later.
import { readdirSync } from "node:fs";
import path from "node:path";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
type Handler = (req: never, ctx: never) => Promise<Response>;

export type ApiRoute = {
  /** As in the OpenAPI description: relative to /api/v1, with `{ref}`-style parameters. */
  path: string;
  file: string;
  params: string[];
  handlers: Partial<Record<HttpMethod, Handler>>;
};

const ROOT = path.join(process.cwd(), "app", "api", "v1");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** Every route file of /api/v1 but the catch-all that answers unknown paths with 404. */
export async function apiRoutes(): Promise<ApiRoute[]> {
  const files = routeFiles(ROOT).filter((file) => !file.includes("[..."));
  const routes = await Promise.all(
    files.map(async (file) => {
      const segments = path.relative(ROOT, path.dirname(file)).split(path.sep).filter(Boolean);
      const params = segments.flatMap((s) => (s.startsWith("[") ? [s.slice(1, -1)] : []));
      const apiPath = `/${segments.map((s) => (s.startsWith("[") ? `{${s.slice(1, -1)}}` : s)).join("/")}`;
      const mod = (await import(file)) as Record<string, unknown>;
      const handlers = Object.fromEntries(
        HTTP_METHODS.filter((m) => typeof mod[m] === "function").map((m) => [m, mod[m]]),
      );
      return { path: apiPath, file, params, handlers } as ApiRoute;
    }),
  );
  return routes.sort((a, b) => a.path.localeCompare(b.path));
}
