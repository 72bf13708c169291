import type { ReactNode } from "react";
import { Providers } from "./providers";

/**
 * The layout of a public segment whose client islands read and change data in the browser (react-query
 * and toasts): the root layout leaves them out, so pages that only show server-rendered data ship none.
 */
export function ClientDataLayout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>;
}
