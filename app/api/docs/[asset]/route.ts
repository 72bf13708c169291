import { readFile } from "node:fs/promises";
import path from "node:path";
import getAbsoluteFSPath from "swagger-ui-dist/absolute-path.js";
import { errorJson } from "@/lib/api/respond";
import { notFound } from "@/lib/errors";

// Only the two files the reference page loads; any other name is a 404, never a path on disk. A Map,
// not an object literal: "constructor" or "__proto__" must not find what every object inherits.
const ASSETS = new Map<string, string>([
  ["swagger-ui-bundle.js", "text/javascript; charset=utf-8"],
  ["swagger-ui.css", "text/css; charset=utf-8"],
]);

export async function GET(_req: Request, { params }: { params: Promise<{ asset: string }> }) {
  const { asset } = await params;
  const type = ASSETS.get(asset);
  if (type === undefined) return errorJson(notFound("Asset"));
  const body = await readFile(path.join(getAbsoluteFSPath(), asset));
  // The files change only with the package version, which changes the build.
  return new Response(body, { headers: { "content-type": type, "cache-control": "public, max-age=86400" } });
}
