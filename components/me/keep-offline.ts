"use client";

import { useEffect, useState } from "react";

const SCOPE = "/me/";

/** The active service worker of /me/ (app/sw.ts), or null when none turns up within a minute. */
async function activeWorker(): Promise<ServiceWorker | null> {
  for (let i = 0; i < 240; i++) {
    const registration = await navigator.serviceWorker.getRegistration(SCOPE);
    if (registration?.active) return registration.active;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}

/** Asks the service worker to fetch and keep `urls` now (Serwist's CACHE_URLS); resolves once it has. */
async function keep(urls: string[]): Promise<boolean> {
  const worker = await activeWorker();
  if (!worker) return false;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(true);
    worker.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: urls } }, [channel.port2]);
  });
}

/**
 * Keeps this page and the reads it shows for offline reading, again whenever `version` (when the
 * data was last read) changes. The page is not always controlled by the service worker (a page
 * reached by a client-side navigation, such as signing in, stays with the worker it was created
 * under), so the worker is asked to fetch them itself. Answers whether the latest version is kept.
 */
export function useKeptForOffline(urls: string[], version: number): boolean {
  const [kept, setKept] = useState<number | null>(null);
  const key = urls.join(" ");
  useEffect(() => {
    if (process.env.NODE_ENV === "development" || !("serviceWorker" in navigator) || version === 0) return;
    let cancelled = false;
    void keep([window.location.pathname, ...key.split(" ")]).then((done) => {
      if (done && !cancelled) setKept(version);
    });
    return () => {
      cancelled = true;
    };
  }, [key, version]);
  return kept === version;
}
