import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { route } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

export const GET = route({}, async () => {
  const db = await getDb();
  await db.execute(sql`select 1`);
  return { ok: true };
});
