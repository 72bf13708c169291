import { route } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { toClientJson } from "@/lib/contract";
import { createClientRecord, listClients } from "@/lib/people/clients";
import { clientCreateSchema, clientListQuerySchema } from "@/lib/validation/clients";

export const GET = route({ role: "admin", query: clientListQuerySchema }, async ({ query }) => ({
  items: (await listClients(query)).map(toClientJson),
}));

export const POST = route({ role: "admin", body: clientCreateSchema }, async ({ body }) =>
  json(toClientJson(await createClientRecord(body)), 201),
);
