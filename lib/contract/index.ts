// One home per response: the zod schema of each response shape of API.md "Resources" (the OpenAPI
// description is made from them), the type a handler's mapper returns and the browser reads (instants
// as RFC 3339 strings, as sent), and the mapper from the rows db/ returns. Components import these
// types with `import type` only; resources.test.ts checks real answers against the schemas.
export * from "./account";
export * from "./appointment";
export * from "./audit-entry";
export * from "./business";
export * from "./calendar-token";
export * from "./client";
export * from "./common";
export * from "./error";
export * from "./location";
export * from "./notification";
export * from "./schedule-day";
export * from "./service";
export * from "./shift";
export * from "./slots";
export * from "./specialty";
export * from "./stats";
export * from "./time-off";
export * from "./token";
export * from "./upload";
export * from "./user";
export * from "./waitlist";
export * from "./webhook";
export * from "./weekly-schedule";
export * from "./worker";
