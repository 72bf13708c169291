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
 * The catalogue areas the public pages' client islands read; /admin and /manage add the rest in their
 * layouts. The client gets only these (the whole catalogue is several times larger).
 */
const CLIENT_AREAS = ["common", "public", "policy", "guest"] as const;

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const clientMessages = Object.fromEntries(CLIENT_AREAS.map((area) => [area, messages[area]]));
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
