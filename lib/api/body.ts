// Reading a request body with a ceiling: counted while it streams in, so a body larger than the
// route takes (declared or not: a chunked body has no Content-Length) is refused as soon as it
// passes the ceiling, without being held in memory; a caller who hangs up midway is CallerGone.
import { readingBody } from "@/lib/errors";

/** The body's bytes, at most `cap`; past that the body is cancelled and `tooLarge()` is thrown. */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  cap: number,
  tooLarge: () => Error,
): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await readingBody(() => reader.read());
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
