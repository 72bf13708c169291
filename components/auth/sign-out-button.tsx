import { signOutAction } from "@/lib/auth/sign-out-action";

/** A form posting to a server action: no client script, and it works without JavaScript. */
export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
        {label}
      </button>
    </form>
  );
}
