import { route } from "@/lib/api/handler";
import { toUserJson } from "@/lib/contract";
import { updateUserAccount } from "@/lib/people/accounts";
import { getUser } from "@/lib/people/users";
import { idParamsSchema } from "@/lib/validation/common";
import { userPatchSchema } from "@/lib/validation/users";

export const GET = route({ role: "manager", params: idParamsSchema }, async ({ params }) =>
  toUserJson(await getUser(params.id)),
);

export const PATCH = route(
  { role: "manager", params: idParamsSchema, body: userPatchSchema },
  async ({ params, body, caller }) => toUserJson(await updateUserAccount(params.id, body, caller.id)),
);
