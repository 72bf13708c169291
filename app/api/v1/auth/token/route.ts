import { route } from "@/lib/api/handler";
import { issueAccessToken } from "@/lib/auth/caller";
import { checkCredentials } from "@/lib/auth/credentials";
import type { Token } from "@/lib/contract";
import { credentialsSchema } from "@/lib/validation/auth";

export const POST = route({ body: credentialsSchema, limit: "auth" }, async ({ body }): Promise<Token> => {
  const user = await checkCredentials(body);
  const token = await issueAccessToken(user);
  return { ...token, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
});
