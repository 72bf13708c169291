"use server";

import { headers } from "next/headers";
import { clientIp } from "@/lib/api/client-ip";
import { type AuthFormState, fieldIssues, finishSignIn, formText } from "@/lib/auth/form-state";
import { startSession } from "@/lib/auth/session-cookie";
import { AppError } from "@/lib/errors";
import { registerClient } from "@/lib/people/register";
import { consume } from "@/lib/rate-limit/limits";
import { registerSchema } from "@/lib/validation/auth";

/**
 * The register form's action: creates the client account (as POST /auth/register does) and signs it
 * in, in one POST that works before JavaScript runs. Refusals come back per field.
 */
export async function registerAndSignIn(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  const values = { name: formText(form, "name"), email: formText(form, "email"), phone: formText(form, "phone") };
  const parsed = registerSchema.safeParse({
    ...values,
    password: formText(form, "password"),
    phone: values.phone.trim() === "" ? undefined : values.phone.trim(),
  });
  if (!parsed.success) return { issues: fieldIssues(parsed.error), values };
  try {
    await consume("auth", clientIp(await headers()));
    await startSession(await registerClient(parsed.data));
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === "already_exists") return { issues: { email: "already_exists" }, values };
    return { error: err.code === "rate_limited" ? "rateLimited" : "failed", values };
  }
  return finishSignIn(form);
}
