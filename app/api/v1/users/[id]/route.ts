import { updateUserAccount } from "@/db/queries/user-accounts";
import { findUserById, toUserJson } from "@/db/queries/users";
import { route } from "@/lib/api/handler";
import { notFound } from "@/lib/errors";
import { idParamsSchema } from "@/lib/validation/common";
import { userPatchSchema } from "@/lib/validation/users";
import { foundUser } from "./found";

export const GET = route({ role: "manager", params: idParamsSchema }, async ({ params }) => {
  const user = await findUserById(params.id);
  if (!user) throw notFound("User");
  return toUserJson(user);
});

export const PATCH = route(
  { role: "manager", params: idParamsSchema, body: userPatchSchema },
  async ({ params, body, caller }) => foundUser(await updateUserAccount(params.id, body, caller.id)),
);
