import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules, not bundled;
  // argon2 and postgres.js are native/Node-only as well.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "proper-lockfile"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
