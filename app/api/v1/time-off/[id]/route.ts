import { getDb } from "@/db/client";
import { deleteTimeOff } from "@/db/queries/time-off";
import { route } from "@/lib/api/handler";
import { idParamsSchema } from "@/lib/validation/common";

export const DELETE = route({ role: "manager", params: idParamsSchema }, async ({ params, caller }) => {
  await deleteTimeOff(await getDb(), params.id, { actorId: caller.id });
  return new Response(null, { status: 204 });
});
