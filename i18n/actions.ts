"use server";

import { cookies } from "next/headers";
import { rememberCallerLocale } from "@/lib/notifications/locale";
import { isLocale, LOCALE_COOKIE } from "./config";

/** The language switch: remembered for a year; an unknown value is ignored. */
export async function setLocale(formData: FormData) {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  await rememberCallerLocale(locale);
}
