// POST /auth/token and /auth/register: a bearer token and who it is for.
import { z } from "zod";
import { ROLES } from "@/db/schema/users";

export const tokenSchema = z.object({
  accessToken: z.string(),
  tokenType: z.literal("Bearer"),
  expiresIn: z.number().int().describe("Seconds."),
  user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: z.enum(ROLES) }),
});
export type Token = z.infer<typeof tokenSchema>;
