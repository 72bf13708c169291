import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getPageCaller } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { SignOutButton } from "./auth/sign-out-button";
import { LanguageSwitch } from "./language-switch";

const navLink = "rounded-md px-3 py-2 text-sm font-medium hover:bg-slate-100";

export async function SiteHeader() {
  const [caller, t] = await Promise.all([getPageCaller(), getTranslations("common")]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label={t("nav.main")} className="mx-auto flex max-w-5xl flex-wrap items-center gap-2 px-4 py-3">
        <Link href="/" className="mr-auto text-lg font-semibold text-brand-dark">
          {t("appName")}
        </Link>
        <Link href="/rooms" className={navLink}>
          {t("nav.rooms")}
        </Link>
        {caller && (
          <Link href="/appointments" className={navLink}>
            {t("nav.myAppointments")}
          </Link>
        )}
        {caller && hasRole(caller.role, "admin") && (
          <Link href="/admin" className={navLink}>
            {t("nav.bookingDesk")}
          </Link>
        )}
        {caller && hasRole(caller.role, "manager") && (
          <Link href="/manage" className={navLink}>
            {t("nav.manage")}
          </Link>
        )}
        {caller ? (
          <>
            <span className="text-sm text-slate-600" data-testid="signed-in-as">
              {caller.name} · {t(`roles.${caller.role}`)}
            </span>
            <SignOutButton label={t("nav.signOut")} />
          </>
        ) : (
          <Link
            href="/login"
            className="rounded-md bg-brand px-3 py-2 text-sm font-medium text-white hover:bg-brand-dark"
          >
            {t("nav.signIn")}
          </Link>
        )}
        <LanguageSwitch />
      </nav>
    </header>
  );
}
