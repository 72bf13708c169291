import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getPageCaller } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { SignOutButton } from "./auth/sign-out-button";
import { LanguageSwitch } from "./language-switch";

const navLink = "rounded-md px-3 py-2 text-sm font-medium hover:bg-slate-100";
// On a phone (< 640 px) the links sit in a <details> disclosure (no script needed); from `sm` up the
// disclosure and its panel are `display: contents` with the content forced visible, so the row is unchanged.
const menu = "group sm:contents sm:[&::details-content]:contents sm:[&::details-content]:[content-visibility:visible]";
const menuButton =
  "flex cursor-pointer list-none items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-100 sm:hidden [&::-webkit-details-marker]:hidden";
const menuPanel =
  "absolute inset-x-0 top-full z-30 flex flex-col items-stretch gap-1 border-b border-slate-200 bg-white px-4 py-3 shadow-md sm:contents";

export async function SiteHeader() {
  const [caller, t] = await Promise.all([getPageCaller(), getTranslations("common")]);
  return (
    <header className="relative border-b border-slate-200 bg-white">
      <nav
        aria-label={t("nav.main")}
        className="mx-auto flex max-w-5xl items-center gap-2 px-4 py-2 sm:flex-wrap sm:py-3"
      >
        <Link href="/" className="mr-auto text-lg font-semibold text-brand-dark">
          {t("appName")}
        </Link>
        {!caller && (
          <Link
            href="/login"
            className="rounded-md bg-brand px-3 py-2 text-sm font-medium text-white hover:bg-brand-dark sm:order-1"
          >
            {t("nav.signIn")}
          </Link>
        )}
        <details className={menu}>
          <summary className={menuButton}>
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
              <path d="M3 5h14v2H3zM3 9h14v2H3zM3 13h14v2H3z" />
            </svg>
            {t("nav.menu")}
          </summary>
          <div className={menuPanel}>
            <Link href="/rooms" className={navLink}>
              {t("nav.rooms")}
            </Link>
            {caller?.role === "worker" && (
              <Link href="/me/day" className={navLink}>
                {t("nav.myDay")}
              </Link>
            )}
            {caller && caller.role !== "worker" && (
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
            {caller && (
              <>
                <span className="px-3 py-2 text-sm text-slate-600 sm:px-0 sm:py-0" data-testid="signed-in-as">
                  {caller.name} · {t(`roles.${caller.role}`)}
                </span>
                <SignOutButton label={t("nav.signOut")} />
              </>
            )}
            <div className="sm:order-2">
              <LanguageSwitch />
            </div>
          </div>
        </details>
      </nav>
    </header>
  );
}
