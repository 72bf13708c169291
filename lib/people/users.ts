// Reading user accounts: the managers' list (GET /users), one account (GET /users/{id}) and the
// caller's own (GET /me).
import { getDb } from "@/db/client";
import { findUserById, listUsers as userRows } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { UserListQuery } from "@/lib/validation/users";

/** A page of users by name; `q` matches words of the name or email, `role` and `blocked` filter. */
export async function listUsers(query: UserListQuery): Promise<User[]> {
  return userRows(await getDb(), query);
}

/** The user with this id; 404 when there is none. */
export async function getUser(id: string): Promise<User> {
  const user = await findUserById(id);
  if (!user) throw notFound("User");
  return user;
}
