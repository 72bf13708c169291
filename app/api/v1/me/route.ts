import { findUserById, toUserJson } from "@/db/queries/users";
import { route } from "@/lib/api/handler";
import { notFound } from "@/lib/errors";

export const GET = route({ role: "client" }, async ({ caller }) => {
  const user = await findUserById(caller.id);
  if (!user) throw notFound("User");
  return toUserJson(user);
});
