import { setUserAccountBlocked } from "@/db/queries/user-accounts";
import { route } from "@/lib/api/handler";
import { idParamsSchema } from "@/lib/validation/common";
import { foundUser } from "../found";

export const POST = route({ role: "manager", params: idParamsSchema }, async ({ params, caller }) =>
  foundUser(await setUserAccountBlocked(params.id, true, caller.id)),
);
