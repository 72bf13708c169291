import { route } from "@/lib/api/handler";
import { deleteTimeOff } from "@/lib/schedule/delete-time-off";
import { idParamsSchema } from "@/lib/validation/common";

export const DELETE = route({ role: "manager", params: idParamsSchema }, async ({ params, caller }) => {
  await deleteTimeOff(params.id, caller.id);
  return new Response(null, { status: 204 });
});
