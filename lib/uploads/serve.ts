// Serving a stored image: only a content-hash name is ever looked up (anything else, `..` and odd
// bytes included, is a 404), with a year-long immutable cache (the name changes with the bytes),
// nosniff, and a policy under which the image, opened on its own, can run or load nothing (set here
// for any server; ours sets it before Next.js answers, which then keeps the one already there).
import { UPLOAD_CONTENT_TYPES, UPLOAD_CSP } from "./names";
import { readUpload } from "./store";

const COMMON = { "X-Content-Type-Options": "nosniff", "Content-Security-Policy": UPLOAD_CSP };

function notFound() {
  return new Response("Not found.", {
    status: 404,
    headers: { ...COMMON, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export async function serveUpload(name: string, ifNoneMatch: string | null): Promise<Response> {
  const data = await readUpload(name);
  const contentType = UPLOAD_CONTENT_TYPES[name.slice(name.lastIndexOf(".") + 1)];
  if (!data || !contentType) return notFound();
  const etag = `"${name.slice(0, name.indexOf("."))}"`;
  const headers = {
    ...COMMON,
    "Cache-Control": "public, max-age=31536000, immutable",
    ETag: etag,
  };
  if (ifNoneMatch?.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(new Uint8Array(data), {
    status: 200,
    headers: { ...headers, "Content-Type": contentType, "Content-Length": String(data.length) },
  });
}
