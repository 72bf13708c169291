import { ApiReference } from "@scalar/nextjs-api-reference";

// The browsable API reference (Scalar), reading the generated description.
export const GET = ApiReference({ url: "/api/v1/openapi.json", pageTitle: "Slotwise API" });
