import Link from "next/link";
import { getPageCaller } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { SignOutButton } from "./auth/sign-out-button";

export async function SiteHeader() {
  const caller = await getPageCaller();
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl flex-wrap items-center gap-2 px-4 py-3">
        <Link href="/" className="mr-auto text-lg font-semibold text-brand-dark">
          Slotwise
        </Link>
        {caller && hasRole(caller.role, "admin") && (
          <Link href="/admin" className="rounded-md px-3 py-2 text-sm font-medium hover:bg-slate-100">
            Booking desk
          </Link>
        )}
        {caller && hasRole(caller.role, "manager") && (
          <Link href="/manage" className="rounded-md px-3 py-2 text-sm font-medium hover:bg-slate-100">
            Manage
          </Link>
        )}
        {caller ? (
          <>
            <span className="text-sm text-slate-600" data-testid="signed-in-as">
              {caller.name} · {caller.role}
            </span>
            <SignOutButton />
          </>
        ) : (
          <Link
            href="/login"
            className="rounded-md bg-brand px-3 py-2 text-sm font-medium text-white hover:bg-brand-dark"
          >
            Sign in
          </Link>
        )}
      </nav>
    </header>
  );
}
