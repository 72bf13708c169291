import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { bookAs, createRoom, createWorker, localDays } from "./catalog";
import { expect, test } from "./fixtures";

// Every client page, in both languages; the ui and ui-phone projects run it at desktop and phone
// sizes. On the phone the page is also narrowed to 360 px, where nothing may scroll sideways.
const LANGUAGES = [
  { locale: "en", heading: "Book time with a specialist or a room" },
  { locale: "ru", heading: "Запишитесь к специалисту или забронируйте комнату" },
] as const;

async function check(page: Page, path: string, isMobile: boolean) {
  await page.goto(path);
  // Wait for client-side lists to settle: no skeleton announcing "loading" is left.
  await expect(page.locator('[role="status"]')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  if (isMobile) {
    await page.setViewportSize({ width: 360, height: 780 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${path} at 360 px`).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 390, height: 844 });
  }
}

for (const { locale, heading } of LANGUAGES) {
  test(`client pages have no serious accessibility violation (${locale})`, async ({
    page,
    context,
    users,
    signIn,
    isMobile,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL as string }]);
    const [worker, room] = await Promise.all([createWorker(page.request, "a11y"), createRoom(page.request)]);
    const { tomorrow } = localDays();
    const start = encodeURIComponent(`${tomorrow}T10:00:00+03:00`);

    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    for (const path of [
      "/",
      `/?service=${worker.service.slug}`,
      "/?q=nobody-is-called-this",
      `/workers/${worker.slug}?date=${tomorrow}`,
      `/book?worker=${worker.slug}&service=${worker.service.slug}&start=${start}`,
      "/rooms",
      `/rooms/${room.slug}?date=${tomorrow}`,
      "/login",
      "/register",
      "/workers/no-such-worker",
    ]) {
      await check(page, path, isMobile);
    }

    const client = await users.client(`a11y-${locale}`);
    await signIn(client);
    await check(page, "/appointments", isMobile);
    const booked = await bookAs(page.request, client, {
      workerId: worker.id,
      serviceId: worker.service.id,
      start: `${tomorrow}T12:00:00+03:00`,
    });
    for (const path of [
      `/appointments/${booked.id}`,
      "/appointments",
      `/book?worker=${worker.slug}&service=${worker.service.slug}&start=${start}`,
      `/rooms/${room.slug}?date=${tomorrow}`,
    ]) {
      await check(page, path, isMobile);
    }
    // The cancel confirmation, open.
    await page.goto("/appointments");
    await page
      .getByRole("button", { name: locale === "en" ? /^Cancel / : /^Отменить/ })
      .first()
      .click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}
