import type { Page, TestInfo } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { expect, test } from "./fixtures";
import { createAdmin, createWorkplace, dayIn, managerApi, scheduleEveryDay, unique } from "./staff-data";

const LANGUAGES = [
  { locale: "en", manage: "Manage", desk: "Booking desk" },
  { locale: "ru", manage: "Управление", desk: "Стойка записи" },
] as const;

/** On the phone project, the narrowest screen the pages support. */
async function narrowOnPhone(page: Page, testInfo: TestInfo) {
  if (testInfo.project.name === "ui-phone") await page.setViewportSize({ width: 360, height: 740 });
}

/** Axe finds nothing serious, nothing is still loading, and the page is no wider than the screen. */
async function checkPage(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The desk board asks each worker's free times on its own; late in a run the e2e database holds a
  // hundred workers in the e2e zone, so on a loaded machine its skeletons may take more than 10 s.
  await expect(page.locator("[role=status][aria-live]")).toHaveCount(0, { timeout: 30_000 });
  await expectNoSeriousA11yViolations(page);
  const width = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(width[0], `${path} is wider than the screen`).toBeLessThanOrEqual(width[1] ?? 0);
}

for (const lang of LANGUAGES) {
  test.describe(`staff pages in ${lang.locale}`, () => {
    // Each test visits up to nine pages and runs axe on each, on a phone late in a run: 3 minutes.
    test.describe.configure({ timeout: 180_000 });
    test.beforeEach(async ({ context, baseURL }) => {
      await context.addCookies([{ name: "NEXT_LOCALE", value: lang.locale, url: baseURL ?? "" }]);
    });

    test(`manager pages pass axe (${lang.locale})`, async ({ page, request, signIn, users }, testInfo) => {
      const api = await managerApi(request);
      const { location, worker } = await createWorkplace(api, "Axe");
      await scheduleEveryDay(api, worker.id, location);
      await narrowOnPhone(page, testInfo);
      await signIn(users.manager);
      await checkPage(page, "/manage");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang.manage);
      for (const path of ["business", "locations", "specialties", "services", "workers", "staff", "stats"]) {
        await checkPage(page, `/manage/${path}`);
      }
      await checkPage(page, `/manage/workers/${worker.slug}`);
      await page.goto("/manage/locations");
      await page.getByRole("button", { name: lang.locale === "en" ? "New location" : "Новое место" }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });

    test(`booking desk pages pass axe (${lang.locale})`, async ({ page, request, signIn }, testInfo) => {
      const api = await managerApi(request);
      const { location, service, worker } = await createWorkplace(api, "Axe desk");
      await scheduleEveryDay(api, worker.id, location);
      const tomorrow = dayIn(location.timezone, 1).date;
      const booked = await api.post<{ client: { id: string } }>("/appointments", {
        workerId: worker.id,
        serviceId: service.id,
        start: `${tomorrow}T12:00:00+03:00`,
        client: { name: unique("Axe client"), phone: "+7 900 000-00-00" },
      });
      const admin = await createAdmin(api);
      await narrowOnPhone(page, testInfo);
      await signIn(admin);
      await checkPage(page, "/admin");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang.desk);
      await page.getByLabel(lang.locale === "en" ? "Location" : "Место").selectOption({ label: location.name });
      await page.getByLabel(lang.locale === "en" ? "Day" : "День", { exact: true }).fill(tomorrow);
      await expect(page.getByTestId("day-board")).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await checkPage(page, "/admin/clients");
      await checkPage(page, `/admin/clients/${booked.client.id}`);
    });
  });
}
