import { toUserJson } from "@/db/queries/users";
import { route } from "@/lib/api/handler";
import { getUser } from "@/lib/people/users";

export const GET = route({ role: "client" }, async ({ caller }) => toUserJson(await getUser(caller.id)));
