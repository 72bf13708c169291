import { resendVerification } from "@/lib/accounts/verify-email";
import { route } from "@/lib/api/handler";
import type { ResendVerification } from "@/lib/contract";

export const POST = route(
  { role: "client", limit: "auth" },
  async ({ caller }): Promise<ResendVerification> => ({ status: await resendVerification(caller.id) }),
);
