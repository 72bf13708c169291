import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { ManageNav } from "@/components/manage/manage-nav";
import { Providers } from "@/components/providers";
import { requirePageRole } from "@/lib/auth/page";

/**
 * A worker's schedule page's frame, as app/manage/layout.tsx gives the rest of the catalogue. The page
 * sits in a route group outside app/manage so that app/manage/loading.tsx does not wrap it: that
 * boundary starts streaming (and so answers 200) before the page has read the worker, and an unknown
 * worker must answer a real 404 (as the client card, app/(client-card)/).
 */
export default async function WorkerScheduleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ ref: string }>;
}) {
  const { ref } = await params;
  await requirePageRole("manager", `/manage/workers/${encodeURIComponent(ref)}`);
  return (
    <NextIntlClientProvider>
      <Providers>
        <ManageNav />
        {children}
      </Providers>
    </NextIntlClientProvider>
  );
}
