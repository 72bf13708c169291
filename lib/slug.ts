import slugify from "@sindresorhus/slugify";

/** Lowercase a-z, 0-9 and single hyphens (API.md "Write bodies"). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 80;

/** A slug from a display name in any script: "Анна Смирнова" → "anna-smirnova". */
export function slugFromName(name: string): string {
  const slug = slugify(name).slice(0, SLUG_MAX).replace(/-+$/, "");
  return slug || "item";
}

/** The first of `base`, `base-2`, `base-3`, … that `taken` does not contain. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
