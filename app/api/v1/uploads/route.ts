import { route } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { uploadImage } from "@/lib/uploads/upload";

// The body is multipart, not JSON: route() leaves it unread (no body schema) and the use case reads it.
export const POST = route({ role: "manager" }, async ({ req }) => json(await uploadImage(req), 201));
