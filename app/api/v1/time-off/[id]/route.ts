import { route } from "@/lib/api/handler";
import { deleteTimeOff } from "@/lib/schedule/delete-time-off";
import { idParamsSchema } from "@/lib/validation/common";

// A manager any time off; a worker their own worker record's.
export const DELETE = route({ role: "worker", params: idParamsSchema }, async ({ params, caller }) => {
  await deleteTimeOff(params.id, caller);
  return new Response(null, { status: 204 });
});
