import { toSpecialtyJson } from "@/db/queries/catalog-json";
import { createSpecialty, listSpecialties } from "@/db/queries/specialties";
import { catalogCollection } from "@/lib/api/catalog-routes";
import { specialtyCreateSchema, specialtyListQuerySchema } from "@/lib/validation/catalog";

export const { GET, POST } = catalogCollection({
  query: specialtyListQuerySchema,
  body: specialtyCreateSchema,
  list: listSpecialties,
  create: createSpecialty,
  toJson: (rows) => rows.map(toSpecialtyJson),
});
