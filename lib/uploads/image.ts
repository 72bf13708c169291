// What an uploaded file is (from its first bytes, never its name or declared type) and the image we
// store instead of it: turned upright by its EXIF orientation, fit within 1024×1024 without
// enlarging, re-encoded as WebP with every piece of metadata (EXIF, GPS, XMP, ICC comments) dropped.
import sharp, { type Metadata } from "sharp";
import { invalidUpload, unsupportedImage } from "@/lib/errors";
import { MAX_INPUT_PIXELS, MAX_SIDE } from "./names";

export type ImageFormat = "jpeg" | "png" | "webp";

const startsWith = (bytes: Uint8Array, at: number, expected: number[]) =>
  bytes.length >= at + expected.length && expected.every((b, i) => bytes[at + i] === b);

/** The format the magic bytes announce: JPEG FF D8 FF, PNG's 8-byte signature, WebP RIFF....WEBP. */
export function sniffImage(bytes: Uint8Array): ImageFormat | null {
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, 0, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, 8, [0x57, 0x45, 0x42, 0x50])) return "webp";
  return null;
}

const unreadable = () => invalidUpload("The file could not be read as an image.");

/** The stored image's bytes (WebP); refuses anything else with a 4xx naming why. */
export async function reencodeImage(bytes: Buffer): Promise<{ data: Buffer; extension: "webp" }> {
  const sniffed = sniffImage(bytes);
  if (!sniffed) throw unsupportedImage();
  // The header alone is read first (no pixel limit: nothing is decoded), so a refusal can name the
  // size; limitInputPixels then makes sharp itself refuse before decoding, should the two disagree.
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" as const };
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
  } catch {
    throw unreadable();
  }
  if (meta.format !== sniffed) throw unreadable();
  const pixels = (meta.width ?? 0) * (meta.height ?? 0);
  if (pixels <= 0) throw unreadable();
  if (pixels > MAX_INPUT_PIXELS) {
    throw invalidUpload(
      `The image has ${meta.width}×${meta.height} pixels; at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels are accepted.`,
    );
  }
  try {
    const data = await sharp(bytes, options)
      .rotate()
      .resize(MAX_SIDE, MAX_SIDE, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer();
    return { data, extension: "webp" };
  } catch {
    throw unreadable();
  }
}
