import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{app,components,db,i18n,lib,scripts,testing}/**/*.test.ts"],
    globalSetup: ["testing/global-setup.ts"],
    setupFiles: ["testing/setup.ts"],
    // Each test file gets its own fresh database (see setup.ts); argon2 and migrations take a moment.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
