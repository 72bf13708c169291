// Staff accounts made from the command line (npm run create-staff): the first manager of a new
// install, or a forgotten password. No audit row: no signed-in actor makes the change.
import { findUserByEmail, insertUser, updateUser } from "@/db/queries/users";
import type { Role, User } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { StaffAccountInput } from "@/lib/validation/staff";

export type StaffAccountResult = { created: true; user: User } | { created: false; user: User; previousRole: Role };

/**
 * Creates the account, or sets the role, password and name of the one with that email (a new
 * password revokes its sessions, see updateUser).
 */
export async function saveStaffAccount({
  role,
  email,
  password,
  name,
}: StaffAccountInput): Promise<StaffAccountResult> {
  const passwordHash = await hashPassword(password);
  const existing = await findUserByEmail(email);
  if (!existing) return { created: true, user: await insertUser({ email, name, role, passwordHash }) };
  const user = await updateUser(existing.id, { role, passwordHash, name });
  return { created: false, user: user ?? existing, previousRole: existing.role };
}
