// The query of GET /audit (an extension to API.md: managers read who changed what).
import type { z } from "zod";
import { lineSchema, pageQuerySchema } from "./common";

export const auditQuerySchema = pageQuerySchema
  .extend({
    /** What kind of record: "user", "client", "appointment", "shift", "worker", … */
    entity: lineSchema()
      .trim()
      .regex(/^[a-z][a-z_]{0,49}$/, { message: "Use an entity name such as user or appointment." })
      .optional(),
    /** The record's id; needs `entity`, since ids of different kinds of record may look alike. */
    id: lineSchema().trim().min(1).max(100).optional(),
  })
  .refine((query) => query.id === undefined || query.entity !== undefined, {
    path: ["entity"],
    message: "Give the entity whose id this is.",
  });
export type AuditQuery = z.infer<typeof auditQuerySchema>;
