import { route } from "@/lib/api/handler";
import { toClientJson } from "@/lib/contract";
import { duplicateClients } from "@/lib/people/client-card";
import { clientDuplicatesQuerySchema } from "@/lib/validation/clients";

// The desk's "this person may already be on file" while it types a new client's phone or email.
export const GET = route({ role: "admin", query: clientDuplicatesQuerySchema }, async ({ query }) => ({
  items: (await duplicateClients(query)).map(toClientJson),
}));
