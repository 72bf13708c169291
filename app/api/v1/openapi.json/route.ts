import { route } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/openapi/document";

export const GET = route({}, async () => openApiDocument());
