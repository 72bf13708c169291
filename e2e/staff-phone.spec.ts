import type { Page, TestInfo } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { expect, test } from "./fixtures";
import { openSiteMenu } from "./site-menu";
import { createAdmin, createWorkplace, dayIn, managerApi, scheduleEveryDay, unique } from "./staff-data";

// Issue #17: every staff page at 360 px, in English and Russian. The failure this guards against is a
// column squeezed so narrow that its text prints one letter per line (the staff accounts list did).
test.use({ viewport: { width: 360, height: 740 } });

const LANGUAGES = [
  { locale: "en", location: "Location", day: "Day" },
  { locale: "ru", location: "Место", day: "День" },
] as const;

/** Text elements narrower than their text needs, up to 8 characters of their own font ("0" wide). */
function narrowTextElements() {
  const ctx = document.createElement("canvas").getContext("2d");
  if (!ctx) throw new Error("no canvas");
  const found: string[] = [];
  for (const el of document.body.querySelectorAll<HTMLElement>("*")) {
    if (el.closest("script, style, noscript, template, select, svg")) continue;
    // Exception: the desk board's blocks are placed to scale in the board's own scroll box; a short
    // appointment is a short block by design, and its full text is in its pop-up.
    if (el.closest("[data-testid=day-board]")) continue;
    const text = [...el.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? "")
      .join("")
      .replace(/\s+/g, " ")
      .trim();
    if (text.length <= 1) continue;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 && rect.height <= 1) continue; // visually hidden (sr-only) text
    const style = getComputedStyle(el);
    ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const eight = 8 * ctx.measureText("0").width;
    const needed = Math.min(eight, ctx.measureText(text).width);
    const padding =
      Number.parseFloat(style.paddingLeft) +
      Number.parseFloat(style.paddingRight) +
      Number.parseFloat(style.borderLeftWidth) +
      Number.parseFloat(style.borderRightWidth);
    const width = style.display === "inline" ? rect.width : rect.width - padding;
    if (width + 1 < needed) found.push(`<${el.localName}> "${text.slice(0, 40)}" is ${Math.round(width)}px wide`);
  }
  return found;
}

/** Loaded, no sideways page scroll, no squeezed text, axe clean; a full-page screenshot is attached. */
async function checkPage(page: Page, testInfo: TestInfo, locale: string, path: string, ready?: () => Promise<void>) {
  if (!ready) await page.goto(path);
  else await ready();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("[role=status][aria-live]")).toHaveCount(0);
  const [scrollWidth, innerWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  expect(scrollWidth, `${path} is wider than the screen`).toBeLessThanOrEqual((innerWidth ?? 0) + 1);
  expect(await page.evaluate(narrowTextElements), `${path}: text squeezed narrower than 8 characters`).toEqual([]);
  await expectNoSeriousA11yViolations(page);
  // Kept as a file in the test's output folder (test-results/) and attached to the report.
  const file = testInfo.outputPath(`${locale}${path.replaceAll("/", "_")}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(`${locale} ${path}`, { path: file, contentType: "image/png" });
}

for (const lang of LANGUAGES) {
  test.describe(`staff pages at 360 px in ${lang.locale}`, () => {
    // Each test visits many pages (eleven for a manager), measuring, running axe and taking a full-page
    // screenshot on each; at a phone's pixel ratio on two shared cores that takes minutes.
    test.setTimeout(240_000);
    test.beforeEach(async ({ context, baseURL }) => {
      await context.addCookies([{ name: "NEXT_LOCALE", value: lang.locale, url: baseURL ?? "" }]);
    });

    test(`manager pages (${lang.locale})`, async ({ page, request, signIn, users }, testInfo) => {
      const api = await managerApi(request);
      const { location, worker } = await createWorkplace(api, "Phone staff");
      await scheduleEveryDay(api, worker.id, location);
      await createAdmin(api);
      await signIn(users.manager);
      const paths = ["", "/business", "/locations", "/specialties", "/services", "/workers", "/staff", "/stats"];
      for (const path of [...paths, "/webhooks", "/outbox", `/workers/${worker.slug}`]) {
        await checkPage(page, testInfo, lang.locale, `/manage${path}`);
      }
      // The header's menu, open: one row closed, its links, name, sign-out and languages stacked.
      await checkPage(page, testInfo, lang.locale, "/manage#menu", async () => {
        await page.goto("/manage");
        await openSiteMenu(page);
        await expect(page.getByRole("button", { name: lang.locale === "en" ? "Sign out" : "Выйти" })).toBeVisible();
      });
    });

    test(`booking desk pages (${lang.locale})`, async ({ page, request, signIn }, testInfo) => {
      const api = await managerApi(request);
      const { location, service, worker } = await createWorkplace(api, "Phone desk");
      await scheduleEveryDay(api, worker.id, location);
      const tomorrow = dayIn(location.timezone, 1).date;
      const booked = await api.post<{ client: { id: string } }>("/appointments", {
        workerId: worker.id,
        serviceId: service.id,
        start: `${tomorrow}T12:00:00+03:00`,
        client: { name: unique("Phone client"), phone: "+7 900 000-00-00" },
      });
      const admin = await createAdmin(api);
      await signIn(admin);
      await checkPage(page, testInfo, lang.locale, "/admin", async () => {
        await page.goto("/admin");
        await page.getByLabel(lang.location).selectOption({ label: location.name });
        await page.getByLabel(lang.day, { exact: true }).fill(tomorrow);
        await expect(page.getByTestId("day-board")).toBeVisible();
      });
      await checkPage(page, testInfo, lang.locale, "/admin/clients");
      await checkPage(page, testInfo, lang.locale, "/admin/reports");
      await checkPage(page, testInfo, lang.locale, `/admin/clients/${booked.client.id}`);
    });
  });
}
