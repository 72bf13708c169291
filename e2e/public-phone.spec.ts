import { expectNoSeriousA11yViolations } from "./axe";
import { createRoom, createWorker, localDays } from "./catalog";
import { expect, test } from "./fixtures";

// The public pages on a small phone (360 × 740): the search does not fill the first screen (its
// filters fold away), the first specialist's card is on it, and axe finds nothing serious, in both
// languages. The ui project runs the desktop half.
const PHONE = { width: 360, height: 740 };

test("on a phone the filters fold away and the first card is on the first screen", async ({ page, isMobile }) => {
  test.skip(!isMobile, "a phone layout");
  const worker = await createWorker(page.request, "phone");
  await page.setViewportSize(PHONE);
  await page.goto("/");
  const search = page.getByRole("search", { name: "Find a specialist" });
  await expect(search.getByLabel("Name")).toBeVisible();
  await expect(search.getByLabel("Specialty")).toBeHidden();
  const card = page.getByRole("list", { name: "Specialists" }).getByRole("listitem").first();
  const box = await card.boundingBox();
  expect(box, "the first card is laid out").not.toBeNull();
  expect((box?.y ?? 0) + (box?.height ?? 0), "the first card ends on the first screen").toBeLessThanOrEqual(
    PHONE.height,
  );
  await expect(card.getByRole("link").first()).toBeInViewport();

  // Unfolded, the filters work as before; on the results they are folded again, the toggle counting them.
  await search.getByText("Filters").click();
  await search.getByLabel("Specialty").selectOption({ label: worker.specialty.name });
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`specialty=${worker.specialty.slug}`));
  await expect(search.getByText("Filters (1 chosen)")).toBeVisible();
  await expect(search.getByLabel("Specialty")).toBeHidden();
  await expect(page.getByRole("link", { name: worker.name })).toBeInViewport();
  await search.getByText("Filters (1 chosen)").click();
  await expect(search.getByLabel("Specialty")).toHaveValue(worker.specialty.slug);
});

test("on a desktop the filters are shown with no toggle", async ({ page, isMobile }) => {
  test.skip(isMobile, "a desktop layout");
  await page.goto("/");
  const search = page.getByRole("search", { name: "Find a specialist" });
  for (const label of ["Name", "Specialty", "Service", "Location"])
    await expect(search.getByLabel(label)).toBeVisible();
  await expect(search.getByText("Filters")).toBeHidden();
});

for (const locale of ["en", "ru"] as const) {
  test(`the public pages have no serious accessibility violation at 360 px (${locale})`, async ({
    page,
    context,
    baseURL,
    isMobile,
  }) => {
    test.skip(!isMobile, "the desktop size is checked by client-a11y.spec.ts");
    test.setTimeout(90_000);
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL as string }]);
    const [worker, room] = await Promise.all([createWorker(page.request, "a11y360"), createRoom(page.request)]);
    const { tomorrow } = localDays();
    const start = encodeURIComponent(`${tomorrow}T10:00:00+03:00`);
    await page.setViewportSize(PHONE);
    for (const path of [
      "/",
      `/?specialty=${worker.specialty.slug}`,
      `/workers/${worker.slug}`,
      `/book?worker=${worker.slug}&service=${worker.service.slug}&start=${start}`,
      `/book?service=${worker.service.slug}`,
      "/rooms",
      `/rooms/${room.slug}`,
    ]) {
      await page.goto(path);
      await expectNoSeriousA11yViolations(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow on ${path} at 360 px`).toBeLessThanOrEqual(0);
    }
  });
}

test("Russian pages say 'вт', 'по московскому времени' and no raw zone id", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "ru", url: baseURL as string }]);
  const worker = await createWorker(page.request, "ru-words");
  const { tomorrow } = localDays();
  await page.goto(`/workers/${worker.slug}?date=${tomorrow}`);
  await expect(page.getByText("Время указано по московскому времени.")).toBeVisible();
  await page.goto(`/?q=${encodeURIComponent(worker.name)}`);
  // The next free time of the card: "вт 8 дек., 09:00", never date-fns's "втр".
  const next = page.getByRole("list", { name: "Специалисты" }).locator("time").first();
  await expect(next).toHaveText(/^(пн|вт|ср|чт|пт|сб|вс) \d{1,2} [а-я]+\.?, \d\d:\d\d$/);
});
