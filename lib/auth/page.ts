import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { resolveCaller } from "./caller";
import { type Caller, hasRole, type Role } from "./roles";

/** The signed-in caller of a page render, or null; a blocked account counts as signed out. */
export async function getPageCaller(): Promise<Caller | null> {
  try {
    return await resolveCaller({ headers: await headers(), cookies: await cookies() });
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
}

/** Guards a page by role: anonymous callers go to /login, signed-in callers of a lower role home. */
export async function requirePageRole(role: Role, returnTo: string): Promise<Caller> {
  const caller = await getPageCaller();
  if (!caller) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!hasRole(caller.role, role)) redirect("/?denied=1");
  return caller;
}
