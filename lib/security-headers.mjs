// Headers every answer carries: our HTTP server (lib/server/http-server.ts) sets them on every
// response before Next.js sees the request. Plain JavaScript, so any Node.js script can load it.

/**
 * Pages load only this origin's scripts and styles ('unsafe-inline' because Next.js inlines its
 * bootstrap scripts; dev mode also evaluates code and talks to the hot-reload socket), are never
 * framed, and never send their URL to other sites.
 * @param {boolean} dev
 */
export function contentSecurityPolicy(dev) {
  return [
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
}

/** @param {boolean} dev */
export function securityHeaders(dev) {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(dev) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
}
