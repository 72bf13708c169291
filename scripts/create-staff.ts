import { parseArgs } from "node:util";
import { findUserByEmail, insertUser, updateUser } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { staffAccountSchema } from "@/lib/validation/staff";
import { runScript, ScriptError } from "./lib/run";

const USAGE =
  "usage: npm run create-staff -- --role manager|admin --email EMAIL --password PASSWORD --name NAME\n" +
  "Creates the account, or sets the role, password and name of the one with that email.";

await runScript(async () => {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        role: { type: "string" },
        email: { type: "string" },
        password: { type: "string" },
        name: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (err) {
    throw new ScriptError(`${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const parsed = staffAccountSchema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  --${i.path.join(".")}: ${i.message}`).join("\n");
    throw new ScriptError(`invalid input:\n${problems}\n${USAGE}`);
  }
  const { role, email, password, name } = parsed.data;
  const passwordHash = await hashPassword(password);
  const existing = await findUserByEmail(email);
  if (existing) {
    await updateUser(existing.id, { role, passwordHash, name });
    console.log(`Updated ${email}: role ${existing.role} -> ${role}, password changed, name "${name}".`);
  } else {
    const user = await insertUser({ email, name, role, passwordHash });
    console.log(`Created ${role} ${email} (id ${user.id}).`);
  }
});
