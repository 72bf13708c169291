// The slug a new or renamed catalog record gets.
import type { Executor } from "@/db/client";
import type { CatalogTable } from "@/db/queries/catalog-shared";
import { slugsLike, slugTaken } from "@/db/queries/catalog-write";
import { isUuid } from "@/db/queries/refs";
import { workers } from "@/db/schema";
import { alreadyExists, validationFailed } from "@/lib/errors";
import { firstFreeSlug, SLUG_MAX, slugFromName } from "@/lib/slug";

/**
 * The slug a record gets: the one given, refused with 409 when another record has it, or else the
 * first free one made from the name ("anna-smirnova", "anna-smirnova-2", …). A slug shaped like a
 * UUID is never generated, since `{ref}` would read it as an id; nor is a worker ever slugged "any",
 * which POST /appointments reads as "any specialist".
 */
const RESERVED_WORKER_SLUGS: readonly string[] = ["any"];

export async function claimSlug(
  db: Executor,
  table: CatalogTable,
  given: string | undefined,
  name: string,
  exceptId?: string,
): Promise<string> {
  const reserved = table === workers ? RESERVED_WORKER_SLUGS : [];
  if (given !== undefined) {
    if (reserved.includes(given)) throw validationFailed("slug", `"${given}" is reserved.`);
    if (await slugTaken(db, table, given, exceptId)) throw alreadyExists("slug");
    return given;
  }
  let base = slugFromName(name);
  if (isUuid(base) || reserved.includes(base)) base = `${base}-x`;
  // firstFreeSlug shortens a long base to make room for its "-2", so look for those prefixes too.
  const prefix = base.length > SLUG_MAX - 8 ? base.slice(0, SLUG_MAX - 8) : undefined;
  return firstFreeSlug(base, new Set(await slugsLike(db, table, base, prefix, exceptId)));
}
