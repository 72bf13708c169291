import { confirmPasswordReset } from "@/lib/accounts/password-reset";
import { route } from "@/lib/api/handler";
import { ACCOUNT_OK } from "@/lib/contract";
import { passwordResetConfirmSchema } from "@/lib/validation/accounts";

export const POST = route({ body: passwordResetConfirmSchema, limit: "auth" }, async ({ body }) => {
  await confirmPasswordReset(body);
  return ACCOUNT_OK;
});
