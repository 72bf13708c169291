"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";

/**
 * The header's "Sign out": a POST form, so it works before (and without) JavaScript and ships none
 * of next-auth's client. The session is a JWT in a cookie (lib/auth/options.ts), so dropping the
 * cookie, under either name next-auth gives it, ends it in this browser.
 */
export async function signOutAction() {
  const jar = await cookies();
  for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"]) {
    // A __Secure- cookie is only replaced by one flagged Secure.
    if (jar.has(name))
      jar.set(name, "", {
        path: "/",
        maxAge: 0,
        httpOnly: true,
        sameSite: "lax",
        secure: name.startsWith("__Secure-"),
      });
  }
  // Home by way of /signed-out, which has the browser drop the caches of the offline day.
  redirect("/signed-out");
}
