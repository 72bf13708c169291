// The language of a message: the recipient's own choice when their account has one, else the one
// their appointment's confirmation was written in, else the language the app was used in when the
// change was made (the locale cookie of the request), else English.
import { getDb } from "@/db/client";
import { setUserLocale } from "@/db/queries/notifications";
import { isLocale, LOCALE_COOKIE } from "@/i18n/config";
import type { MessageLocale } from "./templates";

export function messageLocale(...choices: (string | null | undefined)[]): MessageLocale {
  for (const choice of choices) if (isLocale(choice)) return choice;
  return "en";
}

/** The locale cookie of the request being answered, or undefined outside a request (a job, a script). */
export async function requestLocale(): Promise<string | undefined> {
  try {
    const { cookies } = await import("next/headers");
    return (await cookies()).get(LOCALE_COOKIE)?.value;
  } catch {
    return undefined;
  }
}

/** Remembers a user's language (the language switch), for the messages sent to them. */
export async function rememberUserLocale(userId: string, locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  await setUserLocale(await getDb(), userId, locale);
}

/** The language switch of a signed-in caller: their messages are written in it from now on. */
export async function rememberCallerLocale(locale: string): Promise<void> {
  try {
    const { getPageCaller } = await import("@/lib/auth/page");
    const caller = await getPageCaller();
    if (caller) await rememberUserLocale(caller.id, locale);
  } catch (err) {
    // The switch itself (the cookie) has worked; the stored choice waits for the next switch.
    console.error("[notifications] could not remember the language:", err);
  }
}
