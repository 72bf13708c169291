import { redirect } from "next/navigation";
import type { ZodError } from "zod";
import { landingPathFor } from "./landing";
import type { Role } from "./roles";
import { safeRedirectPath } from "./safe-redirect";

/** What the sign-in and register actions answer to their forms (and to the page, without JavaScript). */
export type AuthFormState = {
  /** A key of the form's `errors` messages for what is wrong as a whole. */
  error?: string;
  /** Field name → a message key (the field's own, or "already_exists"). */
  issues?: Record<string, string>;
  /** What was typed, to fill the form in again (never the password). */
  values?: Record<string, string>;
  /** Signed in, and the form asked to stay on its page (the booking flow). */
  signedIn?: boolean;
};

/** A text field of a submitted form, or undefined when it is missing or a file. */
export const formValue = (form: FormData, name: string): string | undefined => {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
};

export const formText = (form: FormData, name: string) => formValue(form, name) ?? "";

export function fieldIssues(err: ZodError): Record<string, string> {
  const issues: Record<string, string> = {};
  for (const issue of err.issues) issues[String(issue.path[0] ?? "")] ??= "invalid";
  return issues;
}

/**
 * After a successful sign-in: stay (the form asked to, with `stay`), or go to the form's
 * `callbackUrl` when it is on this site and names a page; else (home, or no callbackUrl) where the
 * `role` lands (landingPathFor), or home.
 */
export function finishSignIn(form: FormData, role?: Role): AuthFormState {
  if (formText(form, "stay") === "1") return { signedIn: true };
  const target = safeRedirectPath(formText(form, "callbackUrl"));
  redirect(target === "/" && role ? landingPathFor(role) : target);
}
