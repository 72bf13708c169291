import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { ManageNav } from "@/components/manage/manage-nav";
import { Providers } from "@/components/providers";
import { requirePageRole } from "@/lib/auth/page";

export default async function ManageLayout({ children }: { children: ReactNode }) {
  await requirePageRole("manager", "/manage");
  return (
    // Every catalogue area (the root layout gives the client the public ones only), the data cache, toasts.
    <NextIntlClientProvider>
      <Providers>
        <ManageNav />
        {children}
      </Providers>
    </NextIntlClientProvider>
  );
}
