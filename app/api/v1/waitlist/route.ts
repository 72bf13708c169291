import { route } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { waitlistCreateSchema, waitlistQuerySchema } from "@/lib/validation/waitlist";
import { joinWaitlist, listWaitlist } from "@/lib/waitlist/entries";

export const GET = route({ role: "client", query: waitlistQuerySchema }, async ({ query, caller }) => ({
  items: await listWaitlist(caller, query),
}));

export const POST = route({ role: "client", body: waitlistCreateSchema }, async ({ body, caller }) =>
  json(await joinWaitlist(caller, body, new Date()), 201),
);
