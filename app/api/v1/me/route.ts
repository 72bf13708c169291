import { route } from "@/lib/api/handler";
import { toMeJson } from "@/lib/contract";
import { getUser } from "@/lib/people/users";

export const GET = route({ role: "client" }, async ({ caller }) => toMeJson(await getUser(caller.id)));
