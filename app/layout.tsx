import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { VerifyEmailBanner } from "@/components/auth/verify-email-banner";
import { SiteHeader } from "@/components/site-header";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/**
 * The catalogue areas only staff pages read in the browser: /admin and /manage provide them in their
 * layouts; every other page's client gets the rest only (several times smaller).
 */
const STAFF_AREAS = new Set(["admin", "manage", "people", "reports"]);

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const clientMessages = Object.fromEntries(Object.entries(messages).filter(([area]) => !STAFF_AREAS.has(area)));
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {/* The client-side data cache and toasts (components/providers.tsx) are added by the layouts
            whose pages use them, so the public pages ship neither (e2e/js-budget.spec.ts). */}
        <NextIntlClientProvider messages={clientMessages}>
          <SiteHeader />
          <main className="mx-auto max-w-5xl px-4 py-6">
            <VerifyEmailBanner />
            {children}
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
