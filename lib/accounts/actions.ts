"use server";
// The account pages' server actions: POSTs that work before (and without) JavaScript, doing what the
// API endpoints do (password-reset.ts, verify-email.ts) with the same budgets.

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/api/client-ip";
import { formText } from "@/lib/auth/form-state";
import { getPageCaller } from "@/lib/auth/page";
import { startSession } from "@/lib/auth/session-cookie";
import { AppError } from "@/lib/errors";
import { requestLocale } from "@/lib/notifications/locale";
import { consume } from "@/lib/rate-limit/limits";
import { passwordResetConfirmSchema, passwordResetRequestSchema, verifyEmailSchema } from "@/lib/validation/accounts";
import { confirmPasswordReset, requestPasswordReset } from "./password-reset";
import { resendVerification, verifyEmail } from "./verify-email";

/** What an account form shows next: a message key of common.account, and what was typed (never a password). */
export type AccountFormState = {
  done?: boolean;
  error?: "email" | "password" | "invalidToken" | "rateLimited" | "failed";
  email?: string;
};

const refusal = (err: unknown): AccountFormState => {
  if (!(err instanceof AppError)) throw err;
  if (err.code === "invalid_token") return { error: "invalidToken" };
  if (err.code === "rate_limited") return { error: "rateLimited" };
  return { error: "failed" };
};

/** /forgot-password: the same answer whether or not the address is registered. */
export async function askPasswordReset(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const email = formText(form, "email").trim();
  const parsed = passwordResetRequestSchema.safeParse({ email });
  if (!parsed.success) return { error: "email", email };
  try {
    const ip = clientIp(await headers());
    await consume("auth", ip);
    await requestPasswordReset({ email: parsed.data.email, ip, locale: await requestLocale() });
  } catch (err) {
    return { ...refusal(err), email };
  }
  return { done: true, email };
}

/** /reset-password: sets the new password, then signs in with it (every other session has ended). */
export async function setNewPassword(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const parsed = passwordResetConfirmSchema.safeParse({
    token: formText(form, "token").trim(),
    password: formText(form, "password"),
  });
  if (!parsed.success) {
    const tokenBad = parsed.error.issues.some((i) => i.path[0] === "token");
    return { error: tokenBad ? "invalidToken" : "password" };
  }
  try {
    await consume("auth", clientIp(await headers()));
    await startSession(await confirmPasswordReset(parsed.data));
  } catch (err) {
    return refusal(err);
  }
  redirect("/");
}

/** /verify-email: uses the link's token. */
export async function confirmEmail(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const parsed = verifyEmailSchema.safeParse({ token: formText(form, "token").trim() });
  if (!parsed.success) return { error: "invalidToken" };
  try {
    await consume("auth", clientIp(await headers()));
    await verifyEmail(parsed.data.token);
  } catch (err) {
    return refusal(err);
  }
  return { done: true };
}

/** The banner's "send the link again". */
export async function resendVerificationLink(_previous: AccountFormState, _form: FormData): Promise<AccountFormState> {
  const caller = await getPageCaller();
  if (!caller) return { error: "failed" };
  try {
    await resendVerification(caller.id);
  } catch (err) {
    return refusal(err);
  }
  return { done: true };
}
