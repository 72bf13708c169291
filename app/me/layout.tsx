import type { ReactNode } from "react";
import { ClientDataLayout } from "@/components/client-data-layout";
import { DayServiceWorker } from "@/components/me/day-service-worker";

// The specialist's pages: their islands read and change data in the browser (react-query and
// toasts), and these are the only pages the service worker (app/sw.ts) controls.
export default function MeLayout({ children }: { children: ReactNode }) {
  return (
    <ClientDataLayout>
      <DayServiceWorker>{children}</DayServiceWorker>
    </ClientDataLayout>
  );
}
