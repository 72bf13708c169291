// Registering a client account (POST /auth/register and the register form alike).
import { getDb } from "@/db/client";
import { createClientOfUser } from "@/db/queries/clients";
import { findUserByEmail, insertUser } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { planEmailVerification } from "@/lib/accounts/verify-email";
import { hashPassword } from "@/lib/auth/password";
import { toClientJson } from "@/lib/contract/client";
import { alreadyExists } from "@/lib/errors";
import type { RegisterInput } from "@/lib/validation/auth";
import { emitWebhookEvent } from "@/lib/webhooks/emit";

/**
 * A new client-role account with a client record of its own (client-of-user.ts); a record the desk
 * made with the same email stays apart until staff link it (offered to them only once the address is
 * verified: the link is emailed here). 409 when the email is taken.
 */
export async function registerClient(input: RegisterInput): Promise<User> {
  if (await findUserByEmail(input.email)) throw alreadyExists("email");
  const passwordHash = await hashPassword(input.password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const user = await insertUser(
      { email: input.email, name: input.name, phone: input.phone ?? null, passwordHash, role: "client" },
      tx,
    );
    await emitWebhookEvent(tx, "client.created", toClientJson(await createClientOfUser(tx, user)));
    // The verification link goes out only if the account is committed.
    await planEmailVerification(tx, user);
    return user;
  });
}
