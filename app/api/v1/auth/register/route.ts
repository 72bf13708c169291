import { route } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { toUserJson } from "@/lib/contract";
import { registerClient } from "@/lib/people/register";
import { registerSchema } from "@/lib/validation/auth";

export const POST = route({ body: registerSchema, limit: "auth" }, async ({ body }) => {
  const user = await registerClient(body);
  return json({ user: toUserJson(user) }, 201);
});
