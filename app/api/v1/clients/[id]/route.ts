import { getDb } from "@/db/client";
import { deleteClient, updateClient } from "@/db/queries/client-records";
import { findClientById, toClientJson } from "@/db/queries/clients";
import type { Client } from "@/db/schema";
import { route } from "@/lib/api/handler";
import { notFound } from "@/lib/errors";
import { clientPatchSchema } from "@/lib/validation/clients";
import { idParamsSchema } from "@/lib/validation/common";

const found = (row: Client | undefined) => {
  if (!row) throw notFound("Client");
  return toClientJson(row);
};

export const GET = route({ role: "admin", params: idParamsSchema }, async ({ params }) =>
  found(await findClientById(await getDb(), params.id)),
);

export const PATCH = route(
  { role: "admin", params: idParamsSchema, body: clientPatchSchema },
  async ({ params, body }) => found(await updateClient(params.id, body)),
);

// 204 whether the row went or was erased: either way the client is gone from the API.
export const DELETE = route({ role: "admin", params: idParamsSchema }, async ({ params, caller }) => {
  if (!(await deleteClient(params.id, caller.id))) throw notFound("Client");
  return new Response(null, { status: 204 });
});
