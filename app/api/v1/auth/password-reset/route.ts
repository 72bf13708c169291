import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { clientIp } from "@/lib/api/client-ip";
import { route } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { ACCOUNT_OK } from "@/lib/contract";
import { requestLocale } from "@/lib/notifications/locale";
import { passwordResetRequestSchema } from "@/lib/validation/accounts";

// 202 with the same body whether or not the address has an account (the lookup happens in a job).
export const POST = route({ body: passwordResetRequestSchema, limit: "auth" }, async ({ req, body }) => {
  await requestPasswordReset({ email: body.email, ip: clientIp(req.headers), locale: await requestLocale() });
  return json(ACCOUNT_OK, 202);
});
