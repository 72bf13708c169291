import { getDb } from "@/db/client";
import { listClients } from "@/db/queries/client-records";
import { createClient, toClientJson } from "@/db/queries/clients";
import { route } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { clientCreateSchema, clientListQuerySchema } from "@/lib/validation/clients";

export const GET = route({ role: "admin", query: clientListQuerySchema }, async ({ query }) => ({
  items: (await listClients(query)).map(toClientJson),
}));

export const POST = route({ role: "admin", body: clientCreateSchema }, async ({ body }) =>
  json(toClientJson(await createClient(await getDb(), body)), 201),
);
