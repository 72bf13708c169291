import { route } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { hashPassword } from "@/lib/auth/password";
import { toUserJson } from "@/lib/contract";
import { createUserAccount } from "@/lib/people/accounts";
import { listUsers } from "@/lib/people/users";
import { userCreateSchema, userListQuerySchema } from "@/lib/validation/users";

export const GET = route({ role: "manager", query: userListQuerySchema }, async ({ query }) => ({
  items: (await listUsers(query)).map(toUserJson),
}));

export const POST = route({ role: "manager", body: userCreateSchema }, async ({ body, caller }) => {
  const { password, ...profile } = body;
  const user = await createUserAccount({ ...profile, passwordHash: await hashPassword(password) }, caller.id);
  return json(toUserJson(user), 201);
});
