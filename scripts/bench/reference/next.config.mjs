// The reference app of `npm run bench` (scripts/bench/reference.ts builds and starts it): a bare
// Next.js app of the repository's own Next version, to measure this app's request path against.
/** @type {import('next').NextConfig} */
export default {
  poweredByHeader: false,
  serverExternalPackages: ["postgres"],
};
