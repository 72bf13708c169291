// The rooms of the code base and which way they may lean (README "How it is built"): db/ stores rows
// and knows nothing above it; lib/ decides (use cases, rules, web plumbing) and may read db/;
// app/ (pages, route handlers, server actions) and components/ call lib/ only; testing/ holds test
// helpers that no production file may reach. This scan of every import (static, dynamic, re-export,
// require; through "@/…" or a relative path) holds the line in `npm test`, so that a new feature
// cannot slide back. Test files are exempt: a test may set up rows directly.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = process.cwd();
const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;
const TEST = /\.test\.tsx?$/;
// `from "x"`, `import "x"`, `import("x")`, `require("x")` and `export … from "x"`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["'`]([^"'`]+)["'`]/g;

type Room = "app" | "components" | "db" | "i18n" | "lib" | "scripts" | "testing" | "types" | "root";

/** For each room of production code, the rooms it must never import from. */
const FORBIDDEN: Record<Exclude<Room, "testing">, readonly Room[]> = {
  db: ["lib", "app", "components", "i18n", "scripts", "testing"],
  lib: ["app", "components", "scripts", "testing"],
  app: ["db", "scripts", "testing"],
  components: ["db", "app", "scripts", "testing"],
  i18n: ["db", "app", "components", "scripts", "testing"],
  types: ["db", "lib", "app", "components", "scripts", "testing"],
  scripts: ["app", "components", "testing"],
  root: ["app", "components", "scripts", "testing"],
};
const ROOMS = Object.keys(FORBIDDEN).filter((room) => room !== "root") as Room[];
const ROOT_FILES = ["instrumentation.ts", "proxy.ts", "next.config.mjs"];

/** The room a file or import target lies in, or null for anything outside the source (packages). */
function roomOf(target: string): Room | null {
  const relative = path.relative(ROOT, target);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return null;
  const [first = ""] = relative.split(path.sep);
  if ([...ROOMS, "testing"].includes(first as Room)) return first as Room;
  return relative.includes(path.sep) ? null : "root";
}

/** The specifiers in `source` (a file at `file`) that lead into a room the file's room must not use. */
function forbiddenImports(source: string, file: string): string[] {
  const room = roomOf(file);
  if (!room || room === "testing") return [];
  const forbidden = FORBIDDEN[room];
  const hits: string[] = [];
  for (const [, specifier = ""] of source.matchAll(SPECIFIER)) {
    const target = specifier.startsWith("@/")
      ? path.join(ROOT, specifier.slice(2))
      : specifier.startsWith(".")
        ? path.resolve(path.dirname(file), specifier)
        : null;
    const into = target ? roomOf(target) : null;
    if (into && into !== room && forbidden.includes(into)) hits.push(specifier);
  }
  return hits;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((name) => SOURCE.test(name) && !TEST.test(name) && !name.split(path.sep).includes("reference"))
    .map((name) => path.join(ROOT, folder, name));
}

describe("the layers hold", () => {
  it("finds no production import that crosses a layer the wrong way", () => {
    const files = [...ROOMS.flatMap(sourceFiles), ...ROOT_FILES.map((f) => path.join(ROOT, f))];
    expect(files.length).toBeGreaterThan(100);
    const violations = files.flatMap((file) =>
      forbiddenImports(readFileSync(file, "utf8"), file).map((s) => `${path.relative(ROOT, file)}: ${s}`),
    );
    expect(violations).toEqual([]);
  });

  it("begins no transaction in db/queries: the use case in lib/ owns it", () => {
    const files = sourceFiles(path.join("db", "queries"));
    expect(files.length).toBeGreaterThan(10);
    const opening = files.filter((file) => /\.transaction\s*\(/.test(readFileSync(file, "utf8")));
    expect(opening.map((file) => path.relative(ROOT, file))).toEqual([]);
  });

  it("catches the alias, a relative path, a type import and a dynamic import, and lets look-alikes through", () => {
    const handler = path.join(ROOT, "lib", "api", "handler.ts");
    const source = [
      'import { call } from "@/testing/http";',
      'export { makeWorker } from "../../testing/fixtures";',
      'const setup = await import("@/testing/setup");',
      'import "@/testing";',
      'import { page } from "@/app/page";',
      'import type { Row } from "../../components/x";',
      'import { testing } from "@/lib/testing-notes";',
      'import { x } from "./testing/y";',
      'import { z } from "testing-library";',
      'import { db } from "@/db/client";',
    ].join("\n");
    expect(forbiddenImports(source, handler)).toEqual([
      "@/testing/http",
      "../../testing/fixtures",
      "@/testing/setup",
      "@/testing",
      "@/app/page",
      "../../components/x",
    ]);
  });

  it("keeps db/ below lib/ and app/ and components/ off db/", () => {
    const inDb = path.join(ROOT, "db", "queries", "clients.ts");
    expect(forbiddenImports('import { notFound } from "@/lib/errors";', inDb)).toEqual(["@/lib/errors"]);
    expect(forbiddenImports('import { clients } from "../schema";', inDb)).toEqual([]);
    const route = path.join(ROOT, "app", "api", "v1", "clients", "route.ts");
    expect(forbiddenImports('import { listClients } from "@/db/queries/clients";', route)).toEqual([
      "@/db/queries/clients",
    ]);
    expect(forbiddenImports('import { listClients } from "@/lib/people/clients";', route)).toEqual([]);
    const component = path.join(ROOT, "components", "admin", "client-list.tsx");
    expect(forbiddenImports('import type { ClientJson } from "@/db/queries/clients";', component)).toEqual([
      "@/db/queries/clients",
    ]);
    expect(forbiddenImports('import { eq } from "drizzle-orm";', component)).toEqual([]);
  });
});
