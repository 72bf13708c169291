import { findUserByEmail } from "@/db/queries/users";
import type { User } from "@/db/schema/users";
import { AppError, accountBlocked } from "@/lib/errors";
import { clearFailedLogins, recordFailedLogin, refuseIfLoginLocked } from "@/lib/rate-limit/limits";
import type { Credentials } from "@/lib/validation/auth";
import { burnPasswordCheck, verifyPassword } from "./password";

const wrongPassword = () => new AppError("invalid_credentials", 401, "Wrong email or password.");

/**
 * Checks an email and password; used by the browser sign-in and by the token endpoint alike.
 * Five wrong passwords for one email in 15 minutes make further tries answer 429 until that window
 * ends (the caller's IP budget is checked before this, by the endpoint); a right password clears
 * the count, so the real user is never held out longer than that window.
 */
export async function checkCredentials({ email, password }: Credentials): Promise<User> {
  await refuseIfLoginLocked(email);
  const user = await findUserByEmail(email);
  if (!user) {
    await burnPasswordCheck(password);
    await recordFailedLogin(email);
    throw wrongPassword();
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordFailedLogin(email);
    throw wrongPassword();
  }
  await clearFailedLogins(email);
  if (user.blocked) throw accountBlocked();
  return user;
}
