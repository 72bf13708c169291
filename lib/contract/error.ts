// The body of every refusal (API.md "Errors").
import { z } from "zod";
import { ERROR_CODES } from "@/lib/errors/app-error";

export const errorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string().describe("Human readable; never a stack trace or SQL."),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorSchema>;
