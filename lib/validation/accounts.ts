import { z } from "zod";
import { emailSchema, passwordSchema } from "./common";

/**
 * A token from an emailed link. Any string up to 512 characters is accepted here; one that is not
 * the shape we issue (43 base64url characters) is simply not a valid token (400 invalid_token).
 */
export const accountTokenSchema = z.string().max(512);

export const passwordResetRequestSchema = z.object({ email: emailSchema });
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;

/** The new password follows registration's rules. */
export const passwordResetConfirmSchema = z.object({ token: accountTokenSchema, password: passwordSchema });
export type PasswordResetConfirm = z.infer<typeof passwordResetConfirmSchema>;

export const verifyEmailSchema = z.object({ token: accountTokenSchema });
export type VerifyEmailInput = z.infer<typeof verifyEmailSchema>;
