"use server";

import { headers } from "next/headers";
import { clientIp } from "@/lib/api/client-ip";
import { checkCredentials } from "@/lib/auth/credentials";
import { type AuthFormState, fieldIssues, finishSignIn, formText } from "@/lib/auth/form-state";
import type { Role } from "@/lib/auth/roles";
import { startSession } from "@/lib/auth/session-cookie";
import { AppError, type ErrorCode } from "@/lib/errors";
import { consume } from "@/lib/rate-limit/limits";
import { credentialsSchema } from "@/lib/validation/auth";

/** Refusals of a sign-in, to the message keys of common.login.errors. */
const ERROR_KEYS: Partial<Record<ErrorCode, string>> = {
  invalid_credentials: "wrongCredentials",
  account_blocked: "blocked",
  rate_limited: "rateLimited",
  unavailable: "unavailable",
};

/**
 * The sign-in form's action: a POST that works before JavaScript runs, so the password never ends
 * up in a URL. The same budgets as every sign-in: the caller IP's auth budget, then the account's.
 */
export async function signInWithPassword(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  const values = { email: formText(form, "email") };
  const parsed = credentialsSchema.safeParse({ ...values, password: formText(form, "password") });
  if (!parsed.success) return { issues: fieldIssues(parsed.error), values };
  let role: Role;
  try {
    await consume("auth", clientIp(await headers()));
    const user = await checkCredentials(parsed.data);
    await startSession(user);
    role = user.role;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { error: ERROR_KEYS[err.code] ?? "failed", values };
  }
  return finishSignIn(form, role);
}
