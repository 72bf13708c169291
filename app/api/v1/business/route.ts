import { route } from "@/lib/api/handler";
import { getBusiness, patchBusiness } from "@/lib/business/profile";
import { businessPatchSchema } from "@/lib/validation/business";

export const GET = route({}, () => getBusiness());

export const PATCH = route({ role: "manager", body: businessPatchSchema }, ({ body, caller }) =>
  patchBusiness(body, caller.id),
);
