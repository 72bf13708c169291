import { findUserByEmail } from "@/db/queries/users";
import type { User } from "@/db/schema/users";
import { accountBlocked, invalidCredentials } from "@/lib/errors";
import { refundLoginAttempt, spendLoginAttempt } from "@/lib/rate-limit/limits";
import type { Credentials } from "@/lib/validation/auth";
import { burnPasswordCheck, verifyPassword } from "./password";

/**
 * Checks an email and password; used by the browser sign-in and by the token endpoint alike.
 * Each try spends one of the email's five checks per 15 minutes before the password is looked at
 * (counting after the check would let tries sent at one moment all pass the lock); a right password
 * gives its own check back. The caller's IP
 * budget is checked before this, by the endpoint.
 */
export async function checkCredentials({ email, password }: Credentials): Promise<User> {
  await spendLoginAttempt(email);
  const user = await findUserByEmail(email);
  if (!user) {
    await burnPasswordCheck(password);
    throw invalidCredentials();
  }
  if (!(await verifyPassword(user.passwordHash, password))) throw invalidCredentials();
  await refundLoginAttempt(email);
  if (user.blocked) throw accountBlocked();
  return user;
}
