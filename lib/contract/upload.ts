// The answer of POST /uploads (API.md "Staff views and reports").
import { z } from "zod";

export const uploadSchema = z.object({
  url: z.string().meta({ description: "Where the stored image is served: `/uploads/<sha256>.webp`." }),
});
export type Upload = z.infer<typeof uploadSchema>;
