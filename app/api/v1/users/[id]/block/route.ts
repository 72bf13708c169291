import { route } from "@/lib/api/handler";
import { toUserJson } from "@/lib/contract";
import { setUserAccountBlocked } from "@/lib/people/accounts";
import { idParamsSchema } from "@/lib/validation/common";

export const POST = route({ role: "manager", params: idParamsSchema }, async ({ params, caller }) =>
  toUserJson(await setUserAccountBlocked(params.id, true, caller.id)),
);
