import { createWorker } from "./catalog";
import { expect, test } from "./fixtures";

// A staff page for a record that does not exist answers a real 404 with the not-found page, as the
// public ones do (not-found.spec.ts): nothing may stream before the record is read, so these pages
// live outside the segments with a loading.tsx. Moving them there must not lose the role check.
test.describe("staff pages for unknown records answer 404", () => {
  for (const path of [
    "/manage/workers/nobody-by-this-name",
    "/manage/workers/00000000-0000-4000-8000-000000000000",
    // A reference no worker can have (a NUL byte the database refuses to compare) names nothing too.
    "/manage/workers/bad%00ref",
    "/admin/clients/00000000-0000-4000-8000-000000000000",
  ]) {
    test(`GET ${path} as a manager`, async ({ page, signIn, users }) => {
      await signIn(users.manager);
      const res = await page.request.get(path);
      expect(res.status()).toBe(404);
      expect(await res.text()).toContain("Page not found");
    });
  }

  test("a worker that exists still answers 200; signed out or as a client, the page is not shown", async ({
    page,
    request,
    signIn,
    users,
  }) => {
    const worker = await createWorker(request, "schedule");
    const path = `/manage/workers/${worker.slug}`;
    const signedOut = await page.request.get(path, { maxRedirects: 0 });
    expect(signedOut.status()).toBe(307);
    expect(signedOut.headers().location).toContain(`/login?callbackUrl=${encodeURIComponent(path)}`);

    await signIn(await users.client("schedule"));
    const asClient = await page.request.get(path, { maxRedirects: 0 });
    expect(asClient.status()).toBe(307);
    expect(asClient.headers().location).toContain("/?denied=1");

    await signIn(users.manager);
    const res = await page.request.get(path);
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain(worker.name);
  });
});
