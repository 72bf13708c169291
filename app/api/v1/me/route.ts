import { route } from "@/lib/api/handler";
import { toUserJson } from "@/lib/contract";
import { getUser } from "@/lib/people/users";

export const GET = route({ role: "client" }, async ({ caller }) => toUserJson(await getUser(caller.id)));
