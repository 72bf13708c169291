// "Book as a guest" on /book: a visitor who is not signed in books with name, email and phone (no
// password), lands on a page that says the manage link was emailed, opens that link from the email
// as it reached the e2e mail sink (mailbox.ts), moves the appointment and cancels it. The same form
// without JavaScript (a POST to a server action), its field errors in English and Russian, and Back
// then submit again landing on the booking made. /book also says why a time cannot be booked, and
// that a service is not the specialist's, instead of offering a Confirm that would fail.
import type { Page } from "@playwright/test";
import { createWorker, localDays } from "./catalog";
import { expect, test } from "./fixtures";
import { latestMessage } from "./mailbox";
import { dayIn, managerApi, scheduleEveryDay, unique } from "./staff-data";

const guestEmail = (label: string) => `${unique(label).replace(/\s+/g, "-")}@example.test`.toLowerCase();
const bookPath = (worker: { slug: string; service: { slug: string } }, start: string) =>
  `/book?worker=${worker.slug}&service=${worker.service.slug}&start=${encodeURIComponent(start)}`;
const BOOKED_URL = /\/book\/booked\?/;

/** The manage link of the newest confirmation to `email`: path and fragment. */
async function manageLinkFor(email: string): Promise<string> {
  const message = await latestMessage(email, "confirmation");
  const link = message.text.match(/https?:\/\/\S+\/manage#token=[A-Za-z0-9_-]{43}/)?.[0];
  expect(link, message.text).toBeTruthy();
  const url = new URL(link as string);
  return `${url.pathname}${url.hash}`;
}

const guestForm = (page: Page, name = "Book as a guest") => page.getByRole("region", { name });

test("a guest books on /book, opens the emailed manage link, moves and cancels the booking", async ({ page }) => {
  const worker = await createWorker(page.request, "guest-form");
  const start = `${localDays().tomorrow}T10:00:00+03:00`;
  const email = guestEmail("guest-form");
  await page.goto(bookPath(worker, start));
  const form = guestForm(page);
  await expect(form).toBeVisible();
  // Signing in stays the other choice.
  await expect(page.getByRole("heading", { name: "Sign in to book" })).toBeVisible();

  // The fields are checked before anything is sent.
  await form.getByRole("button", { name: "Book as a guest" }).click();
  await expect(form.getByText("Enter your name.")).toBeVisible();
  await expect(form.getByText("Enter a valid email address.")).toBeVisible();

  await form.getByLabel("Name").fill("Gail Guest");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Phone").fill("+7 900 555-00-11");
  await form.getByRole("button", { name: "Book as a guest" }).click();
  await expect(page).toHaveURL(BOOKED_URL);
  await expect(page.getByRole("heading", { name: "You are booked" })).toBeVisible();
  await expect(page.getByText("We have emailed you the confirmation with a link")).toBeVisible();
  await expect(page.locator("dl").first()).toContainText("10:00");
  await expect(page.getByRole("region", { name: "Where and how to reach us" })).toContainText(worker.location.name);

  const path = await manageLinkFor(email);
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Your booking" })).toBeVisible();
  await expect(page.getByTestId("appointment-status")).toHaveText("Booked");
  await page.getByRole("button", { name: /^Reschedule/ }).click();
  const times = page.getByRole("list", { name: "Free times" });
  await expect(times.getByRole("button").first()).toBeVisible();
  await times.getByRole("button").nth(2).click();
  await page.getByRole("button", { name: /^Move to/ }).click();
  await expect(page.getByText("The appointment has moved.")).toBeVisible();

  await page.getByRole("button", { name: /^Cancel / }).click();
  await page.getByRole("button", { name: "Yes, cancel" }).click();
  await expect(page.getByTestId("appointment-status")).toHaveText("Cancelled");
  await page.goto("about:blank");
  await page.goto(path);
  await expect(page.getByRole("alert").filter({ hasText: "no longer opens the booking" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  async function submit(page: Page, form = guestForm(page)): Promise<number> {
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.request().isNavigationRequest()),
      form.getByRole("button", { name: /Book as a guest|Записаться без регистрации/ }).click(),
    ]);
    return res.status();
  }

  test("a guest books with a POST form; Back and submit again lands on the same booking", async ({ page, context }) => {
    const worker = await createWorker(page.request, "guest-nojs");
    const start = `${localDays().tomorrow}T12:00:00+03:00`;
    const email = guestEmail("guest-nojs");
    await page.goto(bookPath(worker, start));
    // A wrong email comes back from the server with the field's error and the typed values.
    await guestForm(page).getByLabel("Name").fill("Nora No-Script");
    await guestForm(page).getByLabel("Email").fill("not-an-email");
    await submit(page);
    await expect(guestForm(page).getByText("Enter a valid email address.")).toBeVisible();
    await expect(guestForm(page).getByLabel("Name")).toHaveValue("Nora No-Script");

    await guestForm(page).getByLabel("Email").fill(email);
    // The page as the browser keeps it for Back: the same form, with the same Idempotency-Key.
    const kept = await page.content();
    expect(await submit(page)).toBe(303);
    await expect(page).toHaveURL(BOOKED_URL);
    await expect(page.getByRole("heading", { name: "You are booked" })).toBeVisible();
    const booked = page.url();
    expect(await manageLinkFor(email)).toMatch(/^\/appointments\/[0-9a-f-]{36}\/manage#token=/);

    const again = await context.newPage();
    await again.route("**/book?*", (route) =>
      route.request().method() === "GET" ? route.fulfill({ body: kept, contentType: "text/html" }) : route.continue(),
    );
    await again.goto(bookPath(worker, start));
    // As the browser restores what was typed.
    await guestForm(again).getByLabel("Name").fill("Nora No-Script");
    await guestForm(again).getByLabel("Email").fill(email);
    expect(await submit(again)).toBe(303);
    await expect(again).toHaveURL(booked);
    await expect(again.getByRole("heading", { name: "You are booked" })).toBeVisible();
  });

  test("field errors in Russian", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await context.addCookies([{ name: "NEXT_LOCALE", value: "ru", url: baseURL as string }]);
    const page = await context.newPage();
    const worker = await createWorker(page.request, "гость");
    await page.goto(bookPath(worker, `${localDays().tomorrow}T13:00:00+03:00`));
    const form = guestForm(page, "Записаться без регистрации");
    await form.getByLabel("Эл. почта").fill("nope");
    await form.getByLabel("Телефон").fill("call me");
    await submit(page, form);
    const after = guestForm(page, "Записаться без регистрации");
    await expect(after.getByText("Введите имя.")).toBeVisible();
    await expect(after.getByText("Введите правильный адрес эл. почты.")).toBeVisible();
    await expect(after.getByText("Введите номер телефона: цифры, пробелы, +, -, ( ).")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await context.close();
  });

  test("a past time, a time beyond the horizon and a service the specialist does not perform: said, no Confirm", async ({
    page,
  }) => {
    const [worker, other] = await Promise.all([
      createWorker(page.request, "no-confirm"),
      createWorker(page.request, "other"),
    ]);
    const { today } = localDays();
    await page.goto(bookPath(worker, `${today}T00:00:00+03:00`));
    await expect(page.getByText("This time has already passed.")).toBeVisible();
    await expect(page.getByRole("button", { name: /Confirm booking|Book as a guest/ })).toHaveCount(0);

    const far = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.goto(bookPath(worker, `${far}T10:00:00+03:00`));
    await expect(page.getByText(/further ahead than .* takes bookings \(up to 14 days\)/)).toBeVisible();
    await expect(page.getByRole("button", { name: /Confirm booking|Book as a guest/ })).toHaveCount(0);

    await page.goto(
      `/book?worker=${worker.slug}&service=${other.service.slug}&start=${encodeURIComponent(`${localDays().tomorrow}T10:00:00+03:00`)}`,
    );
    await expect(page.getByRole("alert")).toContainText("does not perform this service");
    // No price, no details of a booking that cannot be made.
    await expect(page.locator("dl")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Confirm booking|Book as a guest/ })).toHaveCount(0);
  });

  test("times of specialists in two zones, listed together, each say their zone", async ({ page }) => {
    const api = await managerApi(page.request);
    type Ref = { id: string; slug: string; name: string; timezone: string };
    const service = await api.post<Ref>("/services", {
      name: unique("Two-zone consult"),
      durationMinutes: 30,
      price: 1000,
    });
    const zones = ["Europe/Moscow", "Europe/London"];
    for (const timezone of zones) {
      const location = await api.post<Ref>("/locations", { name: unique(`Office ${timezone}`), timezone });
      const worker = await api.post<Ref>("/workers", {
        name: unique(`Consultant ${timezone}`),
        locationId: location.id,
        serviceIds: [service.id],
        bookingHorizonDays: 14,
      });
      await scheduleEveryDay(api, worker.id, location);
    }
    await page.goto(`/book?service=${service.slug}&date=${dayIn("Europe/Moscow", 1).date}`);
    const any = page.getByRole("region", { name: "Any specialist" });
    const times = any.getByRole("button");
    await expect(times.first()).toBeVisible();
    // Every time of the merged row carries its zone (the first specialist's, as the hint says).
    for (const text of await times.allTextContents()) expect(text).toMatch(/^\d\d:\d\d GMT/);
  });
});
