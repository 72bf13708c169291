import { createRoom, createWorker, localDays } from "./catalog";
import { expect, test } from "./fixtures";

// A page for a record that does not exist must answer a real 404 (for crawlers, monitors and
// caches), not a 200 whose body says "not found": nothing may stream before the record is read.
test.describe("not-found pages answer 404", () => {
  for (const path of [
    "/workers/nobody-by-this-name",
    "/book?worker=nobody",
    `/book?worker=nobody&service=nothing&start=${encodeURIComponent("2030-01-02T10:00:00+03:00")}`,
    "/rooms/no-such-room",
    // A reference no record can have (a NUL byte the database refuses to compare) names nothing too.
    "/workers/bad%00ref",
    "/rooms/bad%00ref",
    "/book?worker=bad%00ref",
    "/appointments/00000000-0000-4000-8000-000000000000",
  ]) {
    test(`GET ${path}`, async ({ page, users, signIn }) => {
      // Signed in, so the appointment page gets as far as looking the appointment up.
      await signIn(await users.client("404"));
      const res = await page.request.get(path);
      expect(res.status()).toBe(404);
      expect(await res.text()).toContain("Page not found");
    });
  }

  test("records that exist still answer 200", async ({ request }) => {
    const [worker, room] = await Promise.all([createWorker(request, "status"), createRoom(request)]);
    const start = `${localDays().tomorrow}T10:00:00+03:00`;
    for (const path of [
      `/workers/${worker.slug}`,
      `/rooms/${room.slug}`,
      `/book?worker=${worker.slug}&service=${worker.service.slug}&start=${encodeURIComponent(start)}`,
    ]) {
      expect((await request.get(path)).status(), path).toBe(200);
    }
  });
});
