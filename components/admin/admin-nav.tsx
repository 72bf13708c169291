"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

/** The booking desk's sections: the day board, the clients and the reports. */
export function AdminNav() {
  const t = useTranslations("admin.nav");
  const reports = useTranslations("reports");
  const pathname = usePathname();
  const links = [
    { href: "/admin", label: t("board"), current: pathname === "/admin" },
    { href: "/admin/clients", label: t("clients"), current: pathname.startsWith("/admin/clients") },
    { href: "/admin/reports", label: reports("nav"), current: pathname.startsWith("/admin/reports") },
  ];
  return (
    <nav aria-label={t("label")} className="mb-6 border-b border-slate-200">
      <ul className="flex gap-1">
        {links.map((l) => (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={l.current ? "page" : undefined}
              className="block rounded-t-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:border-b-2 aria-[current=page]:border-brand aria-[current=page]:text-brand-dark"
            >
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
