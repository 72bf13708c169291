import type { Locale } from "./config";

// One file per area of the UI, so each area's strings can change without touching the others.
// Every namespace exists in every locale; i18n/messages.test.ts checks that the keys match.
export const NAMESPACES = [
  "common",
  "public",
  "admin",
  "manage",
  "policy",
  "guest",
  "people",
  "reports",
  "waitlist",
  "day",
] as const;

export async function loadMessages(locale: Locale) {
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => [ns, (await import(`../messages/${locale}/${ns}.json`)).default] as const),
  );
  return Object.fromEntries(entries) as Record<(typeof NAMESPACES)[number], Record<string, unknown>>;
}
