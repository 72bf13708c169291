import { findUserByEmail, registerClientUser, toUserJson } from "@/db/queries/users";
import { route } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { hashPassword } from "@/lib/auth/password";
import { alreadyExists } from "@/lib/errors";
import { registerSchema } from "@/lib/validation/auth";

export const POST = route({ body: registerSchema, limit: "auth" }, async ({ body }) => {
  if (await findUserByEmail(body.email)) throw alreadyExists("email");
  const user = await registerClientUser({
    email: body.email,
    name: body.name,
    phone: body.phone ?? null,
    passwordHash: await hashPassword(body.password),
  });
  return json({ user: toUserJson(user) }, 201);
});
