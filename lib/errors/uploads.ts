// The errors of POST /uploads (API.md "Staff views and reports"): the file too large, not one of the
// accepted image formats, or not readable as the image it claims to be.
import { AppError } from "./app-error";

export const ACCEPTED_IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

export const uploadTooLarge = (maxBytes: number) =>
  new AppError("payload_too_large", 413, `The file is larger than ${maxBytes / (1024 * 1024)} MB.`, { maxBytes });

/** The request is not multipart/form-data. */
export const notMultipart = () =>
  new AppError("unsupported_media_type", 415, "Send the file as multipart/form-data in the field `file`.");

/** The file's bytes are not a JPEG, PNG or WebP image, whatever its name or declared type says. */
export const unsupportedImage = () =>
  new AppError("unsupported_media_type", 415, "The file is not a JPEG, PNG or WebP image.", {
    accepted: [...ACCEPTED_IMAGE_TYPES],
  });

/** A 400 validation_failed about the field `file`. */
export const invalidUpload = (message: string) =>
  new AppError("validation_failed", 400, "The upload is not valid.", { issues: [{ path: "file", message }] });
