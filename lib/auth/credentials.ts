import { findUserByEmail } from "@/db/queries/users";
import type { User } from "@/db/schema/users";
import { AppError, accountBlocked } from "@/lib/errors";
import type { Credentials } from "@/lib/validation/auth";
import { burnPasswordCheck, verifyPassword } from "./password";

/** Checks an email and password; used by the browser sign-in and by the token endpoint alike. */
export async function checkCredentials({ email, password }: Credentials): Promise<User> {
  const user = await findUserByEmail(email);
  if (!user) {
    await burnPasswordCheck(password);
    throw new AppError("invalid_credentials", 401, "Wrong email or password.");
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new AppError("invalid_credentials", 401, "Wrong email or password.");
  }
  if (user.blocked) throw accountBlocked();
  return user;
}
