import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { Providers } from "@/components/providers";
import { requirePageRole } from "@/lib/auth/page";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePageRole("admin", "/admin");
  return (
    // Every catalogue area (the root layout gives the client the public ones only), the data cache, toasts.
    <NextIntlClientProvider>
      <Providers>
        <AdminNav />
        {children}
      </Providers>
    </NextIntlClientProvider>
  );
}
