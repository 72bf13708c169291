// Uploading images in the manager's forms (POST /uploads through ImageField) and serving them from
// /uploads/<sha256>.webp through our own HTTP server, with its caching and safety headers.
import { request as httpRequest } from "node:http";
import type { Locator } from "@playwright/test";
import sharp from "sharp";
import { E2E_BASE_URL } from "./env";
import { expect, test } from "./fixtures";
import { managerApi, unique } from "./staff-data";

const UPLOADED = /^\/uploads\/[0-9a-f]{64}\.webp$/;

/** A picture of a colour of its own, so each run uploads (and stores) a new image. */
const picture = (width: number, height: number) =>
  sharp({
    create: { width, height, channels: 3, background: { r: Math.floor(Math.random() * 256), g: 90, b: 160 } },
  });

/** The status our server answers a path sent exactly as written (no URL normalisation of `%2e%2e`). */
function rawStatus(path: string): Promise<number> {
  const { hostname, port } = new URL(E2E_BASE_URL);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method: "GET" }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

async function expectLoaded(image: Locator) {
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
}

test.describe("image uploads", () => {
  test("a manager uploads a worker's photo in the worker form, and the public worker page shows it", async ({
    page,
    request,
    signIn,
    users,
  }) => {
    const api = await managerApi(request);
    const location = await api.post<{ id: string }>("/locations", { name: unique("Photo studio") });
    const worker = await api.post<{ id: string; slug: string; name: string }>("/workers", {
      name: unique("Photographed"),
      locationId: location.id,
    });
    await signIn(users.manager);
    await page.goto("/manage/workers");
    await page.getByRole("button", { name: `Edit: ${worker.name}` }).click();
    const dialog = page.getByRole("dialog", { name: "Edit worker" });
    const upload = dialog.getByLabel("Upload an image");
    const address = dialog.getByLabel("Photo URL");

    // The type is read from the bytes: text named .jpg is refused, next to the field.
    await upload.setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not a picture\n") });
    await expect(dialog.getByRole("alert")).toHaveText("Choose a JPEG, PNG or WebP image.");
    await expect(address).toHaveValue("");

    const jpeg = await picture(1600, 1200)
      .jpeg()
      .withExif({ IFD0: { Artist: "someone private" } })
      .toBuffer();
    await upload.setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: jpeg });
    await expect(address).toHaveValue(UPLOADED);
    await expect(dialog.getByRole("alert")).toBeHidden();
    await expectLoaded(dialog.getByRole("img", { name: "Image preview" }));
    const url = await address.inputValue();

    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    expect((await api.get<{ avatarUrl: string | null }>(`/workers/${worker.id}`)).avatarUrl).toBe(url);

    await page.goto(`/workers/${worker.slug}`);
    await expectLoaded(page.locator(`img[src="${url}"]`));

    const image = await request.get(url);
    expect(image.status()).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/webp");
    expect(image.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(image.headers()["x-content-type-options"]).toBe("nosniff");
    expect(image.headers()["content-security-policy"]).toBe(
      "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    );
    const stored = await sharp(await image.body()).metadata();
    expect([stored.format, stored.width, stored.height, stored.exif]).toEqual(["webp", 1024, 768, undefined]);
  });

  test("the business page offers an upload for the logo; other paths under /uploads are not served", async ({
    page,
    signIn,
    users,
  }) => {
    await signIn(users.manager);
    await page.goto("/manage/business");
    const form = page.getByRole("region", { name: "Business" });
    const address = form.getByLabel("Logo URL");
    const png = await picture(300, 120).png().toBuffer();
    // The form is not saved: the business row is shared with manage-business.spec.ts. A file chosen
    // before the form has hydrated goes unnoticed, so it is chosen until the address fills in.
    await expect(async () => {
      await form.getByLabel("Upload an image").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
      await expect(address).toHaveValue(UPLOADED, { timeout: 2000 });
    }).toPass();
    await expectLoaded(form.getByRole("img", { name: "Image preview" }));

    for (const path of [
      "/uploads/%2e%2e/package.json",
      "/uploads/%2e%2e%2f%2e%2e%2fpackage.json",
      "/uploads/..%2f..%2fpackage.json",
      "/uploads/%ff%fe",
      "/uploads/%00",
      `/uploads/${"0".repeat(64)}.webp`,
    ]) {
      const status = await rawStatus(path);
      expect(status, path).toBeGreaterThanOrEqual(400);
      expect(status, path).toBeLessThan(500);
    }
  });
});
