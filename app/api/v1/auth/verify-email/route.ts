import { verifyEmail } from "@/lib/accounts/verify-email";
import { route } from "@/lib/api/handler";
import { ACCOUNT_OK } from "@/lib/contract";
import { verifyEmailSchema } from "@/lib/validation/accounts";

export const POST = route({ body: verifyEmailSchema, limit: "auth" }, async ({ body }) => {
  await verifyEmail(body.token);
  return ACCOUNT_OK;
});
