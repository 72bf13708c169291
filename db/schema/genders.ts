// The gender values a person's record may hold. A module of its own, with no drizzle import: the
// shared validation schemas (lib/validation/common.ts) use it and reach the browser's bundles.
export const GENDERS = ["female", "male", "other"] as const;
export type Gender = (typeof GENDERS)[number];
