// Serves the service worker (app/sw.ts) at /serwist/sw.js, bundled by Serwist with esbuild when the
// app is built (a static route), with `Service-Worker-Allowed: /` so it may control /me/.
import { createSerwistRoute } from "@serwist/turbopack";

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/sw.ts",
  useNativeEsbuild: true,
  // Only the build's scripts and styles are precached (not public/ uploads).
  globPatterns: [".next/static/**/*.{js,css}"],
});
