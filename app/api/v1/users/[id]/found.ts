import { toUserJson } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { notFound } from "@/lib/errors";

/** The user's public shape, or 404 when the change found no such user. */
export function foundUser(user: User | undefined) {
  if (!user) throw notFound("User");
  return toUserJson(user);
}
