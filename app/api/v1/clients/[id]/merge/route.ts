import { route } from "@/lib/api/handler";
import { toClientJson } from "@/lib/contract";
import { mergeClients } from "@/lib/people/merge";
import { clientMergeSchema } from "@/lib/validation/clients";
import { idParamsSchema } from "@/lib/validation/common";

// Two records of one person become one: this one is merged into `intoId`, which stays.
export const POST = route(
  { role: "admin", params: idParamsSchema, body: clientMergeSchema },
  async ({ params, body, caller }) => toClientJson(await mergeClients(params.id, body.intoId, caller.id)),
);
