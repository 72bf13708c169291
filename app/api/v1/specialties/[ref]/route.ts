import { toSpecialtyJson } from "@/db/queries/catalog-json";
import { deleteSpecialty, findSpecialty, updateSpecialty } from "@/db/queries/specialties";
import { catalogItem } from "@/lib/api/catalog-routes";
import { specialtyPatchSchema } from "@/lib/validation/catalog";

export const { GET, PATCH, DELETE } = catalogItem({
  what: "Specialty",
  patch: specialtyPatchSchema,
  find: findSpecialty,
  update: updateSpecialty,
  remove: deleteSpecialty,
  toJson: (rows) => rows.map(toSpecialtyJson),
});
