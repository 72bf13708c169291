import { route } from "@/lib/api/handler";
import { toClientJson } from "@/lib/contract";
import { linkClientToUser } from "@/lib/people/link-user";
import { clientLinkUserSchema } from "@/lib/validation/clients";
import { idParamsSchema } from "@/lib/validation/common";

// The desk's explicit "this account is this client" (registering never links by email).
export const POST = route(
  { role: "admin", params: idParamsSchema, body: clientLinkUserSchema },
  async ({ params, body, caller }) => toClientJson(await linkClientToUser(params.id, body.userId, caller.id)),
);
