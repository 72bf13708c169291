// Reads POST /uploads' multipart body: at most the file's limit plus room for the multipart framing,
// counted while it streams in, so an oversized body is refused without being held in memory.
import { readCapped } from "@/lib/api/body";
import { invalidUpload, notMultipart, uploadTooLarge } from "@/lib/errors";
import { MAX_UPLOAD_BYTES } from "./names";

/** The boundaries, part headers and any small extra fields around the file. */
const FRAMING_BYTES = 64 * 1024;

/** The bytes of the one file sent in the field `file`; the name and declared type are ignored. */
export async function receiveUpload(req: Request): Promise<Buffer> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;.*\bboundary=/i.test(type)) throw notMultipart();
  const cap = MAX_UPLOAD_BYTES + FRAMING_BYTES;
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > cap) throw uploadTooLarge(MAX_UPLOAD_BYTES);
  const raw = await readCapped(req.body, cap, () => uploadTooLarge(MAX_UPLOAD_BYTES));
  let form: FormData;
  try {
    // The body is bounded by now: undici's parser reads it from memory.
    form = await new Response(new Uint8Array(raw), { headers: { "content-type": type } }).formData();
  } catch {
    throw invalidUpload("The body is not valid multipart/form-data.");
  }
  const files = [...form.values()].filter((value): value is File => typeof value !== "string");
  const file = form.get("file");
  if (files.length !== 1 || !(file instanceof File)) {
    throw invalidUpload("Send exactly one file, in the field `file`.");
  }
  if (file.size > MAX_UPLOAD_BYTES) throw uploadTooLarge(MAX_UPLOAD_BYTES);
  if (file.size === 0) throw invalidUpload("The file is empty.");
  return Buffer.from(await file.arrayBuffer());
}
