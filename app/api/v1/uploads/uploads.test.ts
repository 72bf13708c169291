// POST /uploads (manager): real image bytes made by sharp here, sniffed, checked, re-encoded without
// metadata and stored under UPLOAD_DIR; GET /uploads/<name> serves them (API.md "Staff views and reports").
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32 } from "node:zlib";
import { NextRequest } from "next/server";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as serveRoute from "@/app/uploads/[name]/route";
import { MAX_UPLOAD_BYTES } from "@/lib/uploads/names";
import { userWithToken } from "@/testing/fixtures";
import * as route from "./route";

let dir: string;
let manager: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "slotwise-uploads-"));
  process.env.UPLOAD_DIR = dir;
  manager = (await userWithToken("manager")).token;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Answer = { status: number; json: { url?: string; error?: { code: string; message: string; details?: unknown } } };

async function answerOf(res: Response): Promise<Answer> {
  return { status: res.status, json: await res.json() };
}

/** POST /api/v1/uploads with `bytes` as the field `file` (named and typed as given). */
async function upload(
  bytes: Uint8Array,
  { token = manager, name = "photo.jpg", type = "image/jpeg" }: { token?: string; name?: string; type?: string } = {},
) {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(bytes)], name, { type }));
  const headers = new Headers(token ? { authorization: `Bearer ${token}` } : {});
  const req = new NextRequest("http://localhost:3000/api/v1/uploads", { method: "POST", body: form, headers });
  return answerOf(await route.POST(req, { params: Promise.resolve({}) }));
}

// The handler is given the path segment as Next.js decodes it.
const serve = (name: string, headers?: Record<string, string>) =>
  serveRoute.GET(new Request("http://localhost:3000/uploads/name", { headers }), {
    params: Promise.resolve({ name }),
  });

const storedName = (url: string | undefined) => {
  expect(url).toMatch(/^\/uploads\/[0-9a-f]{64}\.webp$/);
  return (url ?? "").slice("/uploads/".length);
};

const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#3a7" } });

describe("POST /uploads", () => {
  it("stores a JPEG upright, resized within 1024×1024, as WebP without its EXIF", async () => {
    // 2000×1000 stored sideways: EXIF orientation 6 says "turn 90° clockwise to view".
    const jpeg = await picture(2000, 1000)
      .jpeg()
      .withExif({ IFD0: { Copyright: "secret-copyright", Artist: "secret-artist" } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const sent = await sharp(jpeg).metadata();
    expect(sent.orientation).toBe(6);
    expect(sent.exif).toBeDefined();

    const res = await upload(jpeg);
    expect(res.status).toBe(201);
    const name = storedName(res.json.url);

    const stored = await readFile(path.join(dir, name));
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe("webp");
    expect([meta.width, meta.height]).toEqual([512, 1024]);
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(stored.includes("secret-artist")).toBe(false);
    expect(stored.includes("Exif")).toBe(false);
  });

  it("stores PNG and WebP images without enlarging them, one file per distinct image", async () => {
    const png = await picture(300, 200).png().toBuffer();
    const webp = await picture(64, 48).webp().toBuffer();
    const fromPng = await upload(png, { name: "logo.png", type: "image/png" });
    const fromWebp = await upload(webp, { name: "avatar.webp", type: "image/webp" });
    expect([fromPng.status, fromWebp.status]).toEqual([201, 201]);
    const pngMeta = await sharp(await readFile(path.join(dir, storedName(fromPng.json.url)))).metadata();
    expect([pngMeta.format, pngMeta.width, pngMeta.height]).toEqual(["webp", 300, 200]);
    const webpMeta = await sharp(await readFile(path.join(dir, storedName(fromWebp.json.url)))).metadata();
    expect([webpMeta.format, webpMeta.width, webpMeta.height]).toEqual(["webp", 64, 48]);

    // The name is the stored bytes' hash: the same image again is the same address, stored once.
    const before = (await readdir(dir)).length;
    const again = await upload(png, { name: "other-name.png", type: "image/png" });
    expect(again).toEqual(fromPng);
    expect((await readdir(dir)).length).toBe(before);
  });

  it("reads the type from the bytes: a text file named .jpg, or a truncated image, is refused", async () => {
    const text = await upload(new TextEncoder().encode("just some text, honest\n".repeat(20)));
    expect(text.status).toBe(415);
    expect(text.json.error?.code).toBe("unsupported_media_type");
    expect(text.json.error?.details).toEqual({ accepted: ["image/jpeg", "image/png", "image/webp"] });

    const html = await upload(new TextEncoder().encode("<svg onload=alert(1)></svg>"), {
      name: "x.png",
      type: "image/png",
    });
    expect(html.status).toBe(415);

    // JPEG's magic bytes and then nothing an image decoder can read.
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 0x41)]);
    const broken = await upload(fake);
    expect(broken.status).toBe(400);
    expect(broken.json.error?.code).toBe("validation_failed");
    expect(broken.json.error?.details).toEqual({
      issues: [{ path: "file", message: "The file could not be read as an image." }],
    });
    expect(await readdir(dir)).not.toContainEqual(expect.stringMatching(/\.tmp$/));
  });

  it("refuses a file of 5 MB + 1 byte with 413, and a body streaming past the limit without reading it all", async () => {
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x41);
    big.set([0xff, 0xd8, 0xff]);
    const res = await upload(big);
    expect(res.status).toBe(413);
    expect(res.json.error).toEqual({
      code: "payload_too_large",
      message: "The file is larger than 5 MB.",
      details: { maxBytes: MAX_UPLOAD_BYTES },
    });

    // A body with no Content-Length that never ends: refused once the limit has streamed past.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="file"\r\n\r\n'));
      },
      pull(controller) {
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    // A streamed body needs `duplex: "half"`, which the DOM's RequestInit type does not list yet.
    const init: RequestInit & { duplex: "half" } = {
      method: "POST",
      body: endless,
      headers: { authorization: `Bearer ${manager}`, "content-type": "multipart/form-data; boundary=b" },
      duplex: "half",
    };
    const streamed = new NextRequest(new Request("http://localhost:3000/api/v1/uploads", init));
    const answer = await answerOf(await route.POST(streamed, { params: Promise.resolve({}) }));
    expect(answer.status).toBe(413);
    expect(pulled).toBeLessThan(MAX_UPLOAD_BYTES + 1024 * 1024);

    // A declared length over the limit is refused before the body is read.
    const declared = new NextRequest("http://localhost:3000/api/v1/uploads", {
      method: "POST",
      body: "x",
      headers: {
        authorization: `Bearer ${manager}`,
        "content-type": "multipart/form-data; boundary=b",
        "content-length": String(50 * 1024 * 1024),
      },
    });
    expect((await answerOf(await route.POST(declared, { params: Promise.resolve({}) }))).status).toBe(413);
  });

  it("answers a caller who hangs up mid-upload with 499 in the log, not a 500 error, and stores nothing", async () => {
    const before = await readdir(dir);
    const cut = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="file"\r\n\r\n'));
        controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      },
    });
    const init: RequestInit & { duplex: "half" } = {
      method: "POST",
      body: cut,
      headers: { authorization: `Bearer ${manager}`, "content-type": "multipart/form-data; boundary=b" },
      duplex: "half",
    };
    const errors: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      errors.push(String(chunk));
      return true;
    });
    let status: number;
    try {
      const res = await route.POST(new NextRequest(new Request("http://localhost:3000/api/v1/uploads", init)), {
        params: Promise.resolve({}),
      });
      status = res.status;
    } finally {
      spy.mockRestore();
    }
    expect(status).toBe(499);
    expect(errors.join("")).not.toMatch(/"level":"error"/);
    expect(await readdir(dir)).toEqual(before);
  });

  it("refuses a decompression bomb: a small PNG of 7000×7000 pixels", async () => {
    const bomb = await picture(7000, 7000).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await upload(bomb, { name: "bomb.png", type: "image/png" });
    expect(res.status).toBe(400);
    expect(res.json.error?.details).toEqual({
      issues: [{ path: "file", message: "The image has 7000×7000 pixels; at most 40 megapixels are accepted." }],
    });

    // A tiny PNG whose header claims 60000×60000 (its IHDR rewritten, with the checksum redone).
    const claims = Buffer.from(await picture(4, 4).png().toBuffer());
    claims.writeUInt32BE(60_000, 16);
    claims.writeUInt32BE(60_000, 20);
    claims.writeUInt32BE(crc32(claims.subarray(12, 29)), 29);
    const huge = await upload(claims, { name: "huge.png", type: "image/png" });
    expect(huge.status).toBe(400);
    expect(huge.json.error?.details).toEqual({
      issues: [{ path: "file", message: "The image has 60000×60000 pixels; at most 40 megapixels are accepted." }],
    });
  });

  it("needs multipart with exactly one file in the field `file`", async () => {
    const png = await picture(10, 10).png().toBuffer();
    const post = (body: BodyInit, headers: Record<string, string> = {}) =>
      route
        .POST(
          new NextRequest("http://localhost:3000/api/v1/uploads", {
            method: "POST",
            body,
            headers: { authorization: `Bearer ${manager}`, ...headers },
          }),
          { params: Promise.resolve({}) },
        )
        .then(answerOf);

    const json = await post(JSON.stringify({ file: "x" }), { "content-type": "application/json" });
    expect([json.status, json.json.error?.code]).toEqual([415, "unsupported_media_type"]);

    const two = new FormData();
    two.append("file", new File([new Uint8Array(png)], "a.png"));
    two.append("file", new File([new Uint8Array(png)], "b.png"));
    const other = new FormData();
    other.append("image", new File([new Uint8Array(png)], "a.png"));
    const text = new FormData();
    text.append("file", "not a file");
    for (const form of [two, other, text, new FormData()]) {
      const res = await post(form);
      expect(res.status).toBe(400);
      expect(res.json.error?.details).toEqual({
        issues: [{ path: "file", message: "Send exactly one file, in the field `file`." }],
      });
    }

    const garbled = await post("--b\r\nnot multipart at all", { "content-type": "multipart/form-data; boundary=b" });
    expect([garbled.status, garbled.json.error?.code]).toEqual([400, "validation_failed"]);
  });

  it("is for managers only", async () => {
    const png = await picture(10, 10).png().toBuffer();
    const [client, admin] = await Promise.all([userWithToken("client"), userWithToken("admin")]);
    const anonymous = await upload(png, { token: "" });
    expect([anonymous.status, anonymous.json.error?.code]).toEqual([401, "unauthenticated"]);
    for (const token of [client.token, admin.token]) {
      const res = await upload(png, { token });
      expect([res.status, res.json.error?.code]).toEqual([403, "forbidden"]);
    }
  });
});

describe("GET /uploads/<name>", () => {
  it("serves a stored image as immutable, nosniff, under a policy that runs nothing", async () => {
    const webp = await picture(40, 30).webp().toBuffer();
    const name = storedName((await upload(webp, { type: "image/webp" })).json.url);
    const res = await serve(name);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toBe(
      "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    );
    const body = Buffer.from(await res.arrayBuffer());
    expect(body).toEqual(await readFile(path.join(dir, name)));
    expect(res.headers.get("content-length")).toBe(String(body.length));

    const etag = res.headers.get("etag") ?? "";
    expect(etag).toBe(`"${name.slice(0, 64)}"`);
    const cached = await serve(name, { "if-none-match": etag });
    expect(cached.status).toBe(304);
  });

  it("answers 404, never 500, for any other name: traversal, odd bytes, another extension, an unknown hash", async () => {
    const png = await picture(12, 12).png().toBuffer();
    const name = storedName((await upload(png, { type: "image/png" })).json.url);
    const hash = name.slice(0, 64);
    const names = [
      "..",
      "%2e%2e",
      "../../package.json",
      "..%2f..%2fpackage.json",
      "%2e%2e%2f%2e%2e%2fpackage.json",
      `../uploads/${name}`,
      `${name}/`,
      `${name}\u0000`,
      `${name}%00.png`,
      "\u0000",
      "\uFFFD\uD800",
      "%ff%fe",
      `${hash.toUpperCase()}.webp`,
      `${hash}.WEBP`,
      `${hash}.png`,
      `${hash}.webp.tmp`,
      `.${hash}.webp`,
      `${"0".repeat(64)}.webp`,
      "",
      "x".repeat(5000),
    ];
    for (const candidate of names) {
      const res = await serve(candidate);
      expect(res.status, JSON.stringify(candidate)).toBe(404);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });
});
