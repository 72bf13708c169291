// testing/ holds helpers for tests only: production code that imported one would ship test
// scaffolding (fixtures, fake servers) and could start depending on it. This scan holds the line for
// every source file outside the tests, whether it names the folder through "@/testing" or a path.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = process.cwd();
const TESTING = path.join(ROOT, "testing");
const PRODUCTION_FOLDERS = ["app", "components", "db", "i18n", "lib", "scripts", "types"];
const PRODUCTION_ROOT_FILES = ["instrumentation.ts", "proxy.ts", "next.config.mjs"];
const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;
const TEST = /\.test\.tsx?$/;
// `from "x"`, `import "x"`, `import("x")`, `require("x")` and `export … from "x"`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["'`]([^"'`]+)["'`]/g;

/** The specifiers in `source` (a file at `file`) that lead into testing/. */
function testingImports(source: string, file: string): string[] {
  const hits: string[] = [];
  for (const [, specifier = ""] of source.matchAll(SPECIFIER)) {
    const target = specifier.startsWith("@/")
      ? path.join(ROOT, specifier.slice(2))
      : specifier.startsWith(".")
        ? path.resolve(path.dirname(file), specifier)
        : null;
    if (target && (target === TESTING || target.startsWith(TESTING + path.sep))) hits.push(specifier);
  }
  return hits;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((name) => SOURCE.test(name) && !TEST.test(name))
    .map((name) => path.join(ROOT, folder, name));
}

describe("production code never imports testing/", () => {
  it("finds no import of testing/ in app, components, db, i18n, lib, scripts, types or the root modules", () => {
    const files = [...PRODUCTION_FOLDERS.flatMap(sourceFiles), ...PRODUCTION_ROOT_FILES.map((f) => path.join(ROOT, f))];
    expect(files.length).toBeGreaterThan(100);
    const violations = files.flatMap((file) =>
      testingImports(readFileSync(file, "utf8"), file).map((s) => `${path.relative(ROOT, file)}: ${s}`),
    );
    expect(violations).toEqual([]);
  });

  it("catches the alias, a relative path and a dynamic import, and lets look-alikes through", () => {
    const file = path.join(ROOT, "lib", "api", "handler.ts");
    const source = [
      'import { call } from "@/testing/http";',
      'export { makeWorker } from "../../testing/fixtures";',
      'const setup = await import("@/testing/setup");',
      'import "@/testing";',
      'import { testing } from "@/lib/testing-notes";',
      'import { x } from "./testing/y";',
      'import { z } from "testing-library";',
    ].join("\n");
    expect(testingImports(source, file)).toEqual([
      "@/testing/http",
      "../../testing/fixtures",
      "@/testing/setup",
      "@/testing",
    ]);
  });
});
