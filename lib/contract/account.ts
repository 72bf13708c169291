// The answers of the account endpoints (API.md "v1 extensions" → Accounts).
import { z } from "zod";

/** POST /auth/password-reset (202, the same whether or not the address has an account), /confirm and /verify-email (200). */
export const accountOkSchema = z.object({ ok: z.literal(true) }).meta({ id: "AccountOk" });
export type AccountOk = z.infer<typeof accountOkSchema>;
export const ACCOUNT_OK: AccountOk = { ok: true };

/** POST /auth/verify-email/resend: a new link was sent, or the address is verified already (nothing sent). */
export const resendVerificationSchema = z
  .object({ status: z.enum(["sent", "already_verified"]) })
  .meta({ id: "ResendVerification" });
export type ResendVerification = z.infer<typeof resendVerificationSchema>;
