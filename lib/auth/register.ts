import { findUserByEmail, registerClientUser } from "@/db/queries/users";
import type { User } from "@/db/schema/users";
import { alreadyExists } from "@/lib/errors";
import type { RegisterInput } from "@/lib/validation/auth";
import { hashPassword } from "./password";

/** A new client account (POST /auth/register and the register form alike); 409 when the email is taken. */
export async function registerClient(input: RegisterInput): Promise<User> {
  if (await findUserByEmail(input.email)) throw alreadyExists("email");
  return registerClientUser({
    email: input.email,
    name: input.name,
    phone: input.phone ?? null,
    passwordHash: await hashPassword(input.password),
  });
}
