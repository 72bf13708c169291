import { catalogItem } from "@/lib/api/catalog-routes";
import { deleteSpecialty, findSpecialty, updateSpecialty } from "@/lib/catalog/specialties";
import { toSpecialtyJson } from "@/lib/contract";
import { specialtyPatchSchema } from "@/lib/validation/catalog";

export const { GET, PATCH, DELETE } = catalogItem({
  what: "Specialty",
  patch: specialtyPatchSchema,
  find: findSpecialty,
  update: updateSpecialty,
  remove: deleteSpecialty,
  toJson: (rows) => rows.map(toSpecialtyJson),
});
