import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/i18n/actions";
import { LOCALES } from "@/i18n/config";

const NAMES: Record<(typeof LOCALES)[number], string> = { en: "English", ru: "Русский" };

/** Works without JavaScript: a form per language posts to a server action that sets the cookie. */
export async function LanguageSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common.nav")]);
  return (
    <form action={setLocale} aria-label={t("language")} className="flex gap-1">
      {LOCALES.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          aria-pressed={l === locale}
          className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 aria-pressed:font-semibold aria-pressed:text-brand-dark"
        >
          {NAMES[l]}
        </button>
      ))}
    </form>
  );
}
