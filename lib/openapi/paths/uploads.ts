// POST /uploads: images for services, workers and the business logo.
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { uploadSchema } from "@/lib/contract";
import { MAX_INPUT_PIXELS, MAX_SIDE } from "@/lib/uploads/names";
import { describeEndpoint } from "../operation";

const uploadBodySchema = z.object({
  file: z.string().meta({ format: "binary", description: "A JPEG, PNG or WebP image of at most 5 MB." }),
});

export function registerUploads(registry: OpenAPIRegistry) {
  describeEndpoint(registry, {
    method: "post",
    path: "/uploads",
    tag: "Uploads",
    summary: "Upload an image",
    description:
      "`multipart/form-data` with exactly one file, in the field `file`. Its type is read from its first bytes " +
      "(JPEG, PNG or WebP), never from its name or declared type: anything else answers 415 " +
      "unsupported_media_type (`details.accepted`). A file over 5 MB answers 413 payload_too_large (the body is " +
      "counted as it arrives and refused at once). An image of more than " +
      `${MAX_INPUT_PIXELS / 1_000_000} megapixels, or one that cannot be decoded, answers 400 ` +
      "validation_failed on `file`. The image is turned upright by its EXIF orientation, fit within " +
      `${MAX_SIDE}×${MAX_SIDE} without enlarging and re-encoded as WebP with all its metadata (EXIF, GPS, ` +
      "XMP) dropped. It is stored under the SHA-256 of the stored bytes (the same image uploaded twice " +
      "gives the same `url`) and served by `GET /uploads/<sha256>.webp` (outside `/api/v1`) with " +
      "`Cache-Control: public, max-age=31536000, immutable` and `X-Content-Type-Options: nosniff`. Use the " +
      "`url` as a service's `imageUrl`, a worker's `avatarUrl` or the business `logoUrl`.",
    access: "manager",
    body: uploadBodySchema,
    bodyContentType: "multipart/form-data",
    ok: { status: 201, description: "The stored image's address.", schema: uploadSchema },
  });
}
