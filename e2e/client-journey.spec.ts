import type { Page } from "@playwright/test";
import { bearer, bookAs, createWorker, localDays } from "./catalog";
import { E2E_MANAGER } from "./env";
import { expect, test } from "./fixtures";

/** On a phone the home page's filters are folded under "Filters" (a <details>); elsewhere they show. */
async function openFilters(page: Page) {
  const toggle = page.locator("summary").filter({ hasText: "Filters" });
  if (await toggle.isVisible()) await toggle.click();
}

test.describe("a client books and cancels", () => {
  test("finds a worker, registers inline, books, sees it in My appointments and cancels", async ({ page }) => {
    const worker = await createWorker(page.request, "journey");

    // Search by service: the filters are a plain GET form, so they land in the URL.
    await page.goto("/");
    await openFilters(page);
    await page.getByLabel("Service").selectOption(worker.service.slug);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(new RegExp(`service=${worker.service.slug}`));
    const card = page.getByRole("listitem").filter({ hasText: worker.name });
    await expect(card).toContainText(worker.specialty.name);
    await expect(card).toContainText(worker.location.name);
    await expect(card.getByText("Next free:")).toBeVisible();
    await card.getByRole("link", { name: worker.name }).click();

    // The worker's page: services with price and duration, days, slots in the location's zone.
    await expect(page.getByRole("heading", { level: 1, name: worker.name })).toBeVisible();
    await expect(page.getByRole("link", { name: new RegExp(worker.service.name) })).toContainText("30 min");
    const { tomorrow } = localDays();
    // Tomorrow in the month calendar, found by its link: which day comes first depends on the hour,
    // and on a month's last day tomorrow is on the next month's page.
    const calendar = page.getByRole("navigation", { name: "Day" });
    const tomorrowLink = calendar.locator(`a[href*="date=${tomorrow}"]`).first();
    if ((await tomorrowLink.count()) === 0) await calendar.getByRole("link", { name: "Next month" }).click();
    await tomorrowLink.click();
    await expect(page).toHaveURL(new RegExp(`date=${tomorrow}`));
    await expect(page.getByText("Times in Europe/Moscow.")).toBeVisible();
    const slots = page.getByRole("list", { name: "Free times" });
    await expect(slots.getByRole("link", { name: "09:00" })).toBeVisible();
    await slots.getByRole("link", { name: "10:00" }).click();

    // Not signed in: register without leaving the slot, then confirm.
    await expect(page.getByRole("heading", { name: "Confirm your booking" })).toBeVisible();
    await expect(page.locator("dl")).toContainText("10:00");
    await page.getByRole("button", { name: "I am new here" }).click();
    // The shared schema refuses a short password next to the field, before anything is sent.
    const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
    // (Scoped: "Book as a guest" beside it has a name and an email too.)
    const auth = page.getByRole("region", { name: "Sign in to book" });
    await auth.getByLabel("Name").fill(`Journey Client ${suffix}`);
    await auth.getByLabel("Email").fill(`journey-${suffix}@e2e.test`);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/Use at least 8 characters/);
    await page.getByLabel("Password").fill("a long enough password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("button", { name: "Confirm booking" }).click();

    // The confirmation page, with the calendar file.
    // (The appointment's own page is the confirmation; no toast: /book ships no toaster.)
    await expect(page.getByRole("heading", { name: "You are booked" })).toBeVisible();
    await expect(page).toHaveURL(/\/appointments\/[0-9a-f-]{36}$/);
    await expect(page.getByText("Time in Europe/Moscow.")).toBeVisible();
    const ics = page.getByRole("link", { name: "Add to calendar (.ics)" });
    const icsRes = await page.request.get((await ics.getAttribute("href")) as string);
    expect(icsRes.headers()["content-type"]).toContain("text/calendar");
    expect(await icsRes.text()).toContain("BEGIN:VEVENT");

    // My appointments: upcoming, then cancelled after a confirmation.
    await page.getByRole("link", { name: "All my appointments" }).click();
    const upcoming = page.getByRole("region", { name: "Upcoming" });
    await expect(upcoming.getByRole("link", { name: worker.service.name })).toBeVisible();
    await upcoming.getByRole("button", { name: /^Cancel / }).click();
    const dialog = page.getByRole("dialog", { name: "Cancel this appointment?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Yes, cancel" }).click();
    await expect(page.getByText("The appointment is cancelled.")).toBeVisible();
    await expect(upcoming.getByText("No upcoming appointments.")).toBeVisible();
    // Cancelled but still ahead: under "Cancelled", not "Past".
    const cancelled = page.getByRole("region", { name: "Cancelled" });
    await expect(cancelled.getByRole("article").filter({ hasText: worker.service.name })).toContainText("Cancelled");
    await expect(page.getByRole("region", { name: "Past" }).getByText(worker.service.name)).toHaveCount(0);

    // The time is free again for everyone.
    await page.goto(`/workers/${worker.slug}?date=${tomorrow}`);
    await expect(page.getByRole("list", { name: "Free times" }).getByRole("link", { name: "10:00" })).toBeVisible();
  });

  test("a slot taken meanwhile shows a clear message and fresh slots", async ({ page, users, signIn }) => {
    const worker = await createWorker(page.request, "taken");
    const [client, rival] = await Promise.all([users.client("taker"), users.client("rival")]);
    await signIn(client);
    const { tomorrow } = localDays();
    const start = `${tomorrow}T11:00:00+03:00`;
    await page.goto(`/book?worker=${worker.slug}&service=${worker.service.slug}&start=${encodeURIComponent(start)}`);
    await expect(page.getByRole("button", { name: "Confirm booking" })).toBeVisible();

    await bookAs(page.request, rival, { workerId: worker.id, serviceId: worker.service.id, start });
    await page.getByRole("button", { name: "Confirm booking" }).click();

    await expect(page.getByRole("alert").filter({ hasText: "Someone has just booked this time." })).toBeVisible();
    const fresh = page.getByRole("list", { name: "Free times" });
    await expect(fresh.getByRole("link", { name: "10:30" })).toBeVisible();
    await expect(fresh.getByRole("link", { name: "11:00" })).toHaveCount(0);
    await expect(fresh.getByRole("link", { name: "11:30" })).toBeVisible();

    // Another time from the fresh list books at once.
    await fresh.getByRole("link", { name: "11:30" }).click();
    await page.getByRole("button", { name: "Confirm booking" }).click();
    await expect(page.getByRole("heading", { name: "You are booked" })).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the search filters work as a plain form and land in a shareable URL", async ({ page }) => {
    const worker = await createWorker(page.request, "nojs");
    await page.goto("/");
    await page.getByLabel("Name").fill(worker.name);
    await openFilters(page);
    await page.getByLabel("Specialty").selectOption(worker.specialty.slug);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(new RegExp(`specialty=${worker.specialty.slug}`));
    const list = page.getByRole("list", { name: "Specialists" });
    await expect(list.getByRole("listitem")).toHaveCount(1);
    await expect(list.getByRole("link", { name: worker.name })).toBeVisible();

    // The same URL, opened fresh, shows the same result; a name nobody has shows the empty state.
    await page.goto(page.url());
    await expect(page.getByRole("list", { name: "Specialists" }).getByRole("listitem")).toHaveCount(1);
    await page.goto(`/?q=${encodeURIComponent(`${worker.name} nobody`)}`);
    await expect(page.getByText("No specialist matches this search.")).toBeVisible();
  });
});

test("a list that fails to load says so and loads on retry", async ({ page, users, signIn }) => {
  // The free times are drawn on the server (the worker page, /book after a slot was taken); My
  // appointments loads its list in the browser.
  const worker = await createWorker(page.request, "retry");
  const client = await users.client("retry");
  await signIn(client);
  await bookAs(page.request, client, {
    workerId: worker.id,
    serviceId: worker.service.id,
    start: `${localDays().tomorrow}T11:00:00+03:00`,
  });
  // The list's requests fail as if the network dropped (its automatic retries too) until let through.
  let fail = true;
  await page.route("**/api/v1/appointments?*", async (route) =>
    fail ? route.abort("connectionfailed") : route.continue(),
  );
  await page.goto("/appointments");
  const error = page.getByRole("alert").filter({ hasText: "Your appointments could not be loaded." });
  await expect(error).toBeVisible();
  fail = false;
  await error.getByRole("button", { name: "Try again" }).click();
  const upcoming = page.getByRole("region", { name: "Upcoming" });
  await expect(upcoming.getByRole("link", { name: worker.service.name })).toBeVisible();
});

test("a long list of workers comes in pages that keep the search", async ({ page }) => {
  const auth = await bearer(page.request, E2E_MANAGER);
  const tag = `Pager${Date.now().toString(36)}`;
  for (let i = 0; i < 25; i++) {
    const res = await page.request.post("/api/v1/workers", {
      headers: auth,
      data: { name: `${tag} ${String(i).padStart(2, "0")}` },
    });
    expect(res.status()).toBe(201);
  }
  await page.goto(`/?q=${tag}`);
  const list = page.getByRole("list", { name: "Specialists" });
  await expect(list.getByRole("listitem")).toHaveCount(24);
  await expect(page.getByRole("link", { name: "Previous page" })).toHaveCount(0);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${tag}&page=2`));
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText(`${tag} 24`);
  await page.getByRole("link", { name: "Previous page" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(24);
});
