"use client";

import { SerwistProvider, useSerwist } from "@serwist/turbopack/react";
import { type ReactNode, useEffect } from "react";

/** Each Serwist instance (one per tab) registers once. */
const registered = new WeakSet<object>();

/**
 * Registers once the page has committed. The provider's own registration runs while it first
 * renders, which after a client-side navigation (signing in lands here) is before the address
 * changes to /me/…, so it would find the page out of the worker's scope and never register.
 */
function Register() {
  const { serwist } = useSerwist();
  useEffect(() => {
    if (!serwist || registered.has(serwist)) return;
    registered.add(serwist);
    serwist.register({ immediate: true }).catch(() => registered.delete(serwist));
  }, [serwist]);
  return null;
}

/**
 * The service worker (app/sw.ts, served at /serwist/sw.js) for /me/ only, so no other page is ever
 * served from its caches. Off in development, where every change would need a new one.
 */
export function DayServiceWorker({ children }: { children: ReactNode }) {
  return (
    <SerwistProvider
      swUrl="/serwist/sw.js"
      options={{ scope: "/me/" }}
      disable={process.env.NODE_ENV === "development"}
      register={false}
      reloadOnOnline={false}
    >
      <Register />
      {children}
    </SerwistProvider>
  );
}
