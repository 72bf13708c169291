"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { ApiError } from "@/components/lib/api-client";

/** One react-query cache per browser tab (no toaster: see ./providers.tsx for both). */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            // Slots and appointments change under the user: refetch when the tab comes back.
            staleTime: 10_000,
            refetchOnWindowFocus: true,
            // A 4xx will not get better by asking again.
            retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
          },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
