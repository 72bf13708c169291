// The image fields (a service's imageUrl, a worker's avatarUrl, the business logoUrl): an http(s)
// URL, or the path POST /uploads answered for an image stored here.
import { z } from "zod";
import { UPLOAD_PATH } from "@/lib/uploads/names";

const message = "Use an http(s) URL or the /uploads/… address of an uploaded image.";
const http = z.url({ protocol: /^https?$/ });

export const imageUrlSchema = z
  .string()
  .max(2048, { message })
  .refine((value) => UPLOAD_PATH.test(value) || http.safeParse(value).success, { message })
  .nullable();
