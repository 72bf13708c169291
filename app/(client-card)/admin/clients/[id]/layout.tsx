import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { Providers } from "@/components/providers";
import { requirePageRole } from "@/lib/auth/page";

/**
 * The client card's frame, as app/admin/layout.tsx gives the rest of the desk. The card sits in a
 * route group outside app/admin so that app/admin/loading.tsx does not wrap it: that boundary starts
 * streaming (and so answers 200) before the page has read the record, and an unknown id must answer
 * a real 404.
 */
export default async function ClientCardLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  await requirePageRole("admin", `/admin/clients/${encodeURIComponent(id)}`);
  return (
    <NextIntlClientProvider>
      <Providers>
        <AdminNav />
        {children}
      </Providers>
    </NextIntlClientProvider>
  );
}
