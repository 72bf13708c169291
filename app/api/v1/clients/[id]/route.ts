import { route } from "@/lib/api/handler";
import { toClientJson } from "@/lib/contract";
import { getClient, updateClientRecord } from "@/lib/people/clients";
import { deleteClientRecord } from "@/lib/people/delete-client";
import { clientPatchSchema } from "@/lib/validation/clients";
import { idParamsSchema } from "@/lib/validation/common";

export const GET = route({ role: "admin", params: idParamsSchema }, async ({ params }) =>
  toClientJson(await getClient(params.id)),
);

export const PATCH = route(
  { role: "admin", params: idParamsSchema, body: clientPatchSchema },
  async ({ params, body }) => toClientJson(await updateClientRecord(params.id, body)),
);

// 204 whether the row went or was erased: either way the client is gone from the API.
export const DELETE = route({ role: "admin", params: idParamsSchema }, async ({ params, caller }) => {
  await deleteClientRecord(params.id, caller.id);
  return new Response(null, { status: 204 });
});
