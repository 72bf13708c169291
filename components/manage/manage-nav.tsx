"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

const SECTIONS = [
  "",
  "business",
  "locations",
  "specialties",
  "services",
  "workers",
  "staff",
  "stats",
  "webhooks",
  "outbox",
] as const;

/** The manager's sections; scrolls sideways on a phone instead of wrapping into a tall block. */
export function ManageNav() {
  const t = useTranslations("manage.nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")} className="-mx-4 mb-6 overflow-x-auto px-4">
      <ul className="flex min-w-max gap-1 border-b border-slate-200">
        {SECTIONS.map((section) => {
          const href = section ? `/manage/${section}` : "/manage";
          const current = section ? pathname.startsWith(href) : pathname === "/manage";
          return (
            <li key={section || "overview"}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className="block rounded-t-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:border-b-2 aria-[current=page]:border-brand aria-[current=page]:text-brand-dark"
              >
                {t(section || "overview")}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
