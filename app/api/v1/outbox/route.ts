import { route } from "@/lib/api/handler";
import { toOutboxMessageJson } from "@/lib/contract/notification";
import { outboxMessages } from "@/lib/notifications/read";
import { pageQuerySchema } from "@/lib/validation/common";

// What would have been sent, with no SMTP_URL set (managers).
export const GET = route({ role: "manager", query: pageQuerySchema }, async ({ query }) => ({
  items: (await outboxMessages(query)).map(toOutboxMessageJson),
}));
