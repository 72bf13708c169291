// Uploaded images on disk, under UPLOAD_DIR (default .data/uploads, relative to the working
// directory), each named by the SHA-256 of its bytes: the same image uploaded twice is stored once.
// The turbopackIgnore comments keep Next.js's build from tracing the whole project into its output
// for these paths, which it cannot know at build time.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { UPLOAD_NAME } from "./names";

export function uploadDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.UPLOAD_DIR || path.join(".data", "uploads"));
}

/** Stores the bytes (written aside, then renamed into place, so a reader never sees half a file). */
export async function storeUpload(data: Buffer, extension: string): Promise<string> {
  const name = `${createHash("sha256").update(data).digest("hex")}.${extension}`;
  const dir = uploadDir();
  const target = path.join(/*turbopackIgnore: true*/ dir, name);
  const exists = await stat(/*turbopackIgnore: true*/ target).then(
    () => true,
    () => false,
  );
  if (exists) return name;
  await mkdir(/*turbopackIgnore: true*/ dir, { recursive: true });
  const temporary = path.join(/*turbopackIgnore: true*/ dir, `.${name}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(/*turbopackIgnore: true*/ temporary, data, { mode: 0o644 });
    await rename(/*turbopackIgnore: true*/ temporary, target);
  } finally {
    await rm(/*turbopackIgnore: true*/ temporary, { force: true });
  }
  return name;
}

/** A stored image's bytes, or null when `name` is not a stored image's name or is not there. */
export async function readUpload(name: string): Promise<Buffer | null> {
  if (!UPLOAD_NAME.test(name)) return null;
  try {
    return await readFile(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ uploadDir(), name));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}
