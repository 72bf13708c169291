// The service worker of the specialist's day (/me/*; registered by app/me/layout.tsx with that
// scope, so no other page is ever controlled by it). Built by Serwist (app/serwist/[path]/route.ts).
// What it keeps: the app's static files (precached), the /me pages and the API reads they make
// (network first, the last answer kept), so the day already loaded stays readable offline. It
// keeps nothing it was asked to write: only GET requests are answered from the cache; a change
// made offline fails, and the page does not offer one (components/me/use-online.ts).
import { CacheFirst, ExpirationPlugin, NetworkFirst, type PrecacheEntry, Serwist } from "serwist";

// The service worker's global scope; only the precache list Serwist injects at build is read here.
declare const self: { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined };

const DAY_SECONDS = 24 * 60 * 60;

/** API reads of the day page: the worker's appointments, time off and the signed-in user. */
const DAY_API = /^\/api\/v1\/(appointments|workers\/[^/]+\/time-off|me)$/;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      // The pages themselves (a navigation, or the page's own request to keep itself).
      matcher: ({ request, url, sameOrigin }) =>
        sameOrigin && request.method === "GET" && url.pathname.startsWith("/me/"),
      handler: new NetworkFirst({
        cacheName: "me-pages",
        networkTimeoutSeconds: 8,
        plugins: [new ExpirationPlugin({ maxEntries: 8, maxAgeSeconds: 7 * DAY_SECONDS })],
      }),
    },
    {
      matcher: ({ request, url, sameOrigin }) => sameOrigin && request.method === "GET" && DAY_API.test(url.pathname),
      handler: new NetworkFirst({
        cacheName: "me-api",
        networkTimeoutSeconds: 8,
        plugins: [new ExpirationPlugin({ maxEntries: 40, maxAgeSeconds: 7 * DAY_SECONDS })],
      }),
    },
    {
      // Next's hashed build files never change under one name.
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({
        cacheName: "next-static",
        plugins: [new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * DAY_SECONDS })],
      }),
    },
  ],
});

serwist.addEventListeners();
