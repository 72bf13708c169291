"use client";

import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { QueryProvider } from "./query-provider";

/**
 * Client-side data and the toasts, for the layouts whose pages read and change data in the browser
 * (the root layout leaves them out: e2e/js-budget.spec.ts).
 */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryProvider>
      {children}
      <Toaster position="top-center" richColors closeButton />
    </QueryProvider>
  );
}
