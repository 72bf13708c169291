import { catalogCollection } from "@/lib/api/catalog-routes";
import { createSpecialty, listSpecialties } from "@/lib/catalog/specialties";
import { toSpecialtyJson } from "@/lib/contract";
import { specialtyCreateSchema, specialtyListQuerySchema } from "@/lib/validation/catalog";

export const { GET, POST } = catalogCollection({
  query: specialtyListQuerySchema,
  body: specialtyCreateSchema,
  list: listSpecialties,
  create: createSpecialty,
  toJson: (rows) => rows.map(toSpecialtyJson),
});
