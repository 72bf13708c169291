import { formatDay } from "@/components/lib/format";
import { addDaysToDate } from "@/lib/time/zoned";
import { expectNoSeriousA11yViolations } from "./axe";
import { bearer, createWorker, E2E_TIME_ZONE, localDays } from "./catalog";
import { E2E_MANAGER } from "./env";
import { expect, test } from "./fixtures";

// The worker page's month calendar (issue #16 "Finding a time"), at desktop and phone sizes (the ui
// and ui-phone projects): days without free time are greyed, each free day shows its first free
// time, "Next free day" jumps ahead, and a time from the list books.

/** A worker whose first two days (today and tomorrow, in the e2e zone) are taken by time off. */
async function workerWithTwoDaysOff(request: Parameters<typeof createWorker>[0], label: string) {
  const worker = await createWorker(request, label);
  const { today } = localDays();
  const offset = "+03:00"; // E2E_TIME_ZONE (Europe/Moscow) has no summer time.
  const res = await request.post(`/api/v1/workers/${worker.id}/time-off`, {
    headers: await bearer(request, E2E_MANAGER),
    data: { start: `${today}T00:00:00${offset}`, end: `${addDaysToDate(today, 2)}T00:00:00${offset}`, reason: "away" },
  });
  expect(res.status(), await res.text()).toBe(201);
  return worker;
}

const dayCell = (page: import("@playwright/test").Page, date: string) =>
  page
    .getByRole("navigation", { name: "Day" })
    .getByRole("cell")
    .filter({ has: page.locator(`[aria-label^="${formatDay(date, "en")}:"]`) })
    .locator("a, button");

test("month calendar → next free day → pick a time → book", async ({ page, users, signIn }) => {
  test.setTimeout(90_000);
  const worker = await workerWithTwoDaysOff(page.request, "calendar");
  const client = await users.client("calendar");
  await signIn(client);
  const { today, tomorrow } = localDays();
  const firstFree = addDaysToDate(today, 2);
  const nextFree = addDaysToDate(today, 3);

  // Rendered on the server: the calendar is in the first answer, no skeleton.
  const res = await page.request.get(`/workers/${worker.slug}`);
  expect(await res.text()).toContain(`${formatDay(firstFree, "en")}: free from 09:00`);

  await page.goto(`/workers/${worker.slug}`);
  await expect(page.locator('[role="status"]')).toHaveCount(0);
  // Opened on the first day with free time; today and tomorrow are greyed when in this month.
  await expect(dayCell(page, firstFree)).toHaveAttribute("aria-current", "date");
  await expect(dayCell(page, firstFree)).toContainText("09:00");
  for (const day of [today, tomorrow]) {
    if (day.slice(0, 7) !== firstFree.slice(0, 7)) continue;
    await expect(dayCell(page, day)).toHaveAttribute("aria-disabled", "true");
    await expect(dayCell(page, day)).toHaveAccessibleName(`${formatDay(day, "en")}: no free time`);
  }
  await expect(page.getByText(`Times in ${E2E_TIME_ZONE}.`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The next free day is one click away.
  await page.getByRole("link", { name: `Next free day: ${formatDay(nextFree, "en")}, from 09:00` }).click();
  await expect(page).toHaveURL(new RegExp(`date=${nextFree}`));
  await expect(dayCell(page, nextFree)).toHaveAttribute("aria-current", "date");
  const times = page.getByRole("list", { name: "Free times" });
  await expect(times.getByRole("link").first()).toHaveText("09:00");

  await times.getByRole("link", { name: "10:00" }).click();
  await expect(page.getByRole("heading", { name: "Confirm your booking" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("heading", { name: "You are booked" })).toBeVisible();

  // Back on the calendar, the booked time is gone from that day's list, and the day still shows 09:00 first.
  await page.goto(`/workers/${worker.slug}?date=${nextFree}&month=${nextFree.slice(0, 7)}`);
  await expect(dayCell(page, nextFree)).toContainText("09:00");
  await expect(page.getByRole("list", { name: "Free times" }).getByRole("link", { name: "10:00" })).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the days, the months and the next free day are links", async ({ page }) => {
    const worker = await workerWithTwoDaysOff(page.request, "calendar-nojs");
    const { today } = localDays();
    const nextFree = addDaysToDate(today, 3);
    await page.goto(`/workers/${worker.slug}`);
    await page.getByRole("link", { name: /^Next free day: / }).click();
    await expect(page).toHaveURL(new RegExp(`date=${nextFree}&month=${nextFree.slice(0, 7)}`));
    await expect(page.getByRole("list", { name: "Free times" }).getByRole("link").first()).toHaveText("09:00");
    // The horizon (14 days) ends within this month or the next: one of the month links is there.
    const nextMonth = page.getByRole("link", { name: "Next month" });
    if (await nextMonth.count()) {
      await nextMonth.click();
      await expect(page).toHaveURL(/month=\d{4}-\d{2}/);
      await expect(page.getByRole("link", { name: "Previous month" })).toBeVisible();
    }
  });
});

test("Russian: weekdays пн … вс and the labels in Russian", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "ru", url: baseURL as string }]);
  const worker = await workerWithTwoDaysOff(page.request, "calendar-ru");
  const { today } = localDays();
  await page.goto(`/workers/${worker.slug}`);
  const calendar = page.getByRole("navigation", { name: "День" });
  await expect(calendar.getByRole("columnheader")).toHaveText(["пн", "вт", "ср", "чт", "пт", "сб", "вс"]);
  await expect(
    page.getByRole("link", { name: `Следующий свободный день: ${formatDay(addDaysToDate(today, 3), "ru")}, с 09:00` }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
