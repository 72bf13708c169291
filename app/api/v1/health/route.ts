import { route } from "@/lib/api/handler";
import { probeDatabase } from "@/lib/system/health";

export const dynamic = "force-dynamic";

export const GET = route({}, async () => {
  await probeDatabase();
  return { ok: true };
});
