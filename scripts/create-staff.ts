import { parseArgs } from "node:util";
import { saveStaffAccount } from "@/lib/people/staff";
import { staffAccountSchema } from "@/lib/validation/staff";
import { runScript, ScriptError } from "./lib/run";

const USAGE =
  "usage: npm run create-staff -- --role manager|admin|worker --email EMAIL --password PASSWORD --name NAME\n" +
  "Creates the account, or sets the role, password and name of the one with that email.\n" +
  "A worker account is linked to its worker record by a manager (Manage > Staff accounts, or\n" +
  "PATCH /api/v1/workers/{ref} { userId }).";

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
  const { role, email, name } = parsed.data;
  const saved = await saveStaffAccount(parsed.data);
  if (saved.created) {
    console.log(`Created ${role} ${email} (id ${saved.user.id}).`);
  } else {
    console.log(`Updated ${email}: role ${saved.previousRole} -> ${role}, password changed, name "${name}".`);
  }
});
