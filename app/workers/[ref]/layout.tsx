import type { ReactNode } from "react";
import { QueryProvider } from "@/components/query-provider";

// The worker page renders its data on the server; its few client islands (the waitlist's join)
// read the react-query cache, but nothing there toasts: no toaster, to stay in the JS budget.
export default function WorkerLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
