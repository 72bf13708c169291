import createNextIntlPlugin from "next-intl/plugin";

// The catalogues (messages/<locale>/<area>.json) are compiled at build time, so the browser gets no
// ICU message parser (intl-messageformat, ~12 kB gzipped, on every page): see e2e/js-budget.spec.ts.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules, not bundled;
  // argon2 and postgres.js are native/Node-only as well, and so is pg-boss (the job queue), which the
  // container's worker.mjs also loads from the traced node_modules.
  // swagger-ui-dist's files are read from disk and served by /api/docs/[asset]. sharp (uploads) loads
  // a native libvips binary.
  // esbuild bundles the service worker (app/serwist/[path]/route.ts, Serwist) when the app is built.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "esbuild",
    "esbuild-wasm",
    "@node-rs/argon2",
    "pg-boss",
    "postgres",
    "proper-lockfile",
    "sharp",
    "swagger-ui-dist",
  ],
  outputFileTracingIncludes: {
    "/api/docs/[asset]": [
      "./node_modules/swagger-ui-dist/swagger-ui-bundle.js",
      "./node_modules/swagger-ui-dist/swagger-ui.css",
    ],
  },
  poweredByHeader: false,
  typedRoutes: false,
  // The container image (Dockerfile) builds with NEXT_OUTPUT=standalone and runs .next/standalone;
  // `npm start` keeps the ordinary build, which `next start` serves.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  // The security headers (lib/security-headers.mjs) are sent by our HTTP server with every answer
  // (lib/server/http-server.ts), which serves every mode: npm start, npm run dev and the container.
};

export default withNextIntl(nextConfig);
