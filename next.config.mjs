import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");
const dev = process.env.NODE_ENV === "development";

// Pages load only this origin's scripts and styles ('unsafe-inline' because Next.js inlines its
// bootstrap scripts; dev mode also evaluates code and talks to the hot-reload socket), are never
// framed, and never send their URL to other sites.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  `connect-src 'self'${dev ? " ws: wss:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = (policy) => [
  { key: "Content-Security-Policy", value: policy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules, not bundled;
  // argon2 and postgres.js are native/Node-only as well.
  // swagger-ui-dist's files are read from disk and served by /api/docs/[asset].
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "proper-lockfile", "swagger-ui-dist"],
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
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(csp) }];
  },
};

export default withNextIntl(nextConfig);
