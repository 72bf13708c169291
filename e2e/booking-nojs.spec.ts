import type { Page } from "@playwright/test";
import { bearer, bookAs, createRoom, createWorker, localDays } from "./catalog";
import { expect, test } from "./fixtures";

// The public booking flow with script switched off: every step is a link, a GET or a POST form,
// rendered on the server.
test.use({ javaScriptEnabled: false });

/** Clicks the form's button and returns the status of the page's POST. */
async function confirm(page: Page, button = "Confirm booking"): Promise<number> {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.request().isNavigationRequest()),
    page.getByRole("button", { name: button }).click(),
  ]);
  return res.status();
}

const APPOINTMENT_URL = /\/appointments\/[0-9a-f-]{36}$/;

test("the home page and the rooms list are in the first HTML, next free times included", async ({ page }) => {
  const [worker, room] = await Promise.all([createWorker(page.request, "nojs-home"), createRoom(page.request)]);
  const { tomorrow } = localDays();

  // The search is a GET form; the card names the worker and links the first free time.
  await page.goto("/");
  await page.getByLabel("Name").fill(worker.name);
  await page.getByRole("button", { name: "Search" }).click();
  const card = page.getByRole("list", { name: "Specialists" }).getByRole("listitem");
  await expect(card).toHaveCount(1);
  await expect(card.getByRole("link", { name: worker.name })).toHaveAttribute("href", `/workers/${worker.slug}`);
  await expect(card).toContainText(worker.specialty.name);
  await expect(page.getByText(/Loading/)).toHaveCount(0);
  // Today's hours may be over already; tomorrow's 09:00 is free at the latest.
  const next = card.getByRole("link", { name: /\d\d:\d\d/ });
  await expect(next).toBeVisible();
  await next.click();
  await expect(page).toHaveURL(new RegExp(`/workers/${worker.slug}\\?service=${worker.service.slug}&date=`));
  await expect(page.getByRole("list", { name: "Free times" }).getByRole("link").first()).toBeVisible();

  await page.goto("/rooms");
  await page.getByRole("link", { name: room.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: room.name })).toBeVisible();
  await page.goto(`/rooms/${room.slug}?date=${tomorrow}`);
  await expect(page.getByText("Free all day.")).toBeVisible();
});

test("picks a service, a day and a time, signs in with the slot kept, confirms by POST", async ({ page, users }) => {
  const worker = await createWorker(page.request, "nojs-book");
  const client = await users.client("nojs");
  const { tomorrow } = localDays();

  await page.goto(`/workers/${worker.slug}`);
  await page.getByRole("link", { name: new RegExp(worker.service.name) }).click();
  await expect(page).toHaveURL(new RegExp(`service=${worker.service.slug}`));
  // Tomorrow is a day of the month calendar, or (on a month's last day) the "Next free day" link.
  await page.locator(`a[href*="date=${tomorrow}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`date=${tomorrow}`));
  await expect(page.getByText("Times in Europe/Moscow.")).toBeVisible();
  await page.getByRole("list", { name: "Free times" }).getByRole("link", { name: "10:00" }).click();

  // Signed out: the sign-in page is offered with this very slot as where to come back.
  await expect(page.getByRole("heading", { name: "Confirm your booking" })).toBeVisible();
  await expect(page.locator("dl")).toContainText("10:00");
  const bookUrl = new URL(page.url());
  const slotPath = `${bookUrl.pathname}${bookUrl.search}`;
  expect(slotPath).toContain(`start=${encodeURIComponent(`${tomorrow}T10:00:00+03:00`)}`);
  await expect(page.getByRole("link", { name: "sign in", exact: true })).toHaveAttribute(
    "href",
    `/login?callbackUrl=${encodeURIComponent(slotPath)}`,
  );

  // Signing in on the page itself is a POST form too, and the page comes back with the slot. (The
  // other choice, "Book as a guest", is e2e/guest-book-form.spec.ts.)
  const signIn = page.getByRole("region", { name: "Sign in to book" });
  await signIn.getByLabel("Email").fill(client.email);
  await signIn.getByLabel("Password").fill(client.password);
  await signIn.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.locator("dl")).toContainText("10:00");
  expect(await confirm(page)).toBe(303);
  await expect(page).toHaveURL(APPOINTMENT_URL);
  await expect(page.getByRole("heading", { name: "You are booked" })).toBeVisible();
  await expect(page.getByText("Time in Europe/Moscow.")).toBeVisible();
  await expect(page.locator("dl")).toContainText(worker.service.name);

  const res = await page.request.get(`/api/v1/appointments?workerId=${worker.id}`, {
    headers: await bearer(page.request, client),
  });
  const { items } = (await res.json()) as { items: { id: string; start: string; status: string }[] };
  expect(items).toEqual([
    expect.objectContaining({ start: `${tomorrow}T10:00:00+03:00`, status: "booked", id: page.url().split("/").pop() }),
  ]);
});

test("a new client registers on the full page and comes back to the slot", async ({ page }) => {
  const worker = await createWorker(page.request, "nojs-register");
  const start = `${localDays().tomorrow}T15:00:00+03:00`;
  await page.goto(`/book?worker=${worker.slug}&service=${worker.service.slug}&start=${encodeURIComponent(start)}`);
  await page.getByRole("link", { name: "create an account", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Create an account" })).toBeVisible();
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
  await page.getByLabel("Name").fill(`No Script ${suffix}`);
  await page.getByLabel("Email").fill(`noscript-${suffix}@e2e.test`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/book\?/);
  await expect(page.locator("dl")).toContainText("15:00");
  expect(await confirm(page)).toBe(303);
  await expect(page).toHaveURL(APPOINTMENT_URL);
  await expect(page.getByRole("heading", { name: "You are booked" })).toBeVisible();
});

test("confirming the same slot again lands on the client's own booking, never 'taken'", async ({
  page,
  context,
  users,
  signIn,
}) => {
  const worker = await createWorker(page.request, "nojs-again");
  const client = await users.client("again");
  await signIn(client);
  const start = `${localDays().tomorrow}T12:00:00+03:00`;
  const slotPath = `/book?worker=${worker.slug}&service=${worker.service.slug}&start=${encodeURIComponent(start)}`;

  await page.goto(slotPath);
  // The page as the browser keeps it for Back: the same form, with the same Idempotency-Key.
  const kept = await page.content();
  const cached = await context.newPage();
  await cached.route("**/book?*", (route) =>
    route.request().method() === "GET" ? route.fulfill({ body: kept, contentType: "text/html" }) : route.continue(),
  );
  await cached.goto(slotPath);
  // And one rendered afresh before the booking (another tab): another key.
  const other = await context.newPage();
  await other.goto(slotPath);

  expect(await confirm(page)).toBe(303);
  await expect(page).toHaveURL(APPOINTMENT_URL);
  const booked = page.url();
  for (const again of [cached, other]) {
    expect(await confirm(again)).toBe(303);
    await expect(again).toHaveURL(booked);
    await expect(again.getByRole("heading", { name: "You are booked" })).toBeVisible();
  }

  // Opening the slot once more says it is the client's own, with the way to it.
  await page.goto(slotPath);
  await expect(page.getByText("You have booked this time already.")).toBeVisible();
  await expect(page.getByRole("link", { name: "See your appointment" })).toHaveAttribute(
    "href",
    new URL(booked).pathname,
  );
  const res = await page.request.get(`/api/v1/appointments?workerId=${worker.id}`, {
    headers: await bearer(page.request, client),
  });
  expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(1);
});

test("a slot taken meanwhile says so and lists the day's free times as links", async ({ page, users, signIn }) => {
  const worker = await createWorker(page.request, "nojs-taken");
  const [client, rival] = await Promise.all([users.client("taker"), users.client("rival")]);
  await signIn(client);
  const start = `${localDays().tomorrow}T11:00:00+03:00`;
  await page.goto(`/book?worker=${worker.slug}&service=${worker.service.slug}&start=${encodeURIComponent(start)}`);
  await expect(page.getByRole("button", { name: "Confirm booking" })).toBeVisible();

  await bookAs(page.request, rival, { workerId: worker.id, serviceId: worker.service.id, start });
  expect(await confirm(page)).toBe(303);

  await expect(page.getByRole("alert").filter({ hasText: "Someone has just booked this time." })).toBeVisible();
  const fresh = page.getByRole("list", { name: "Free times" });
  await expect(fresh.getByRole("link", { name: "10:30" })).toBeVisible();
  await expect(fresh.getByRole("link", { name: "11:00" })).toHaveCount(0);
  await fresh.getByRole("link", { name: "11:30" }).click();
  expect(await confirm(page)).toBe(303);
  await expect(page).toHaveURL(APPOINTMENT_URL);
  await expect(page.getByRole("heading", { name: "You are booked" })).toBeVisible();
  await expect(page.locator("dl")).toContainText("11:30");
});

test("a room is booked with a POST form, and a refusal comes back to the day with the reason", async ({
  page,
  users,
  signIn,
}) => {
  const room = await createRoom(page.request);
  const { tomorrow } = localDays();
  await signIn(await users.client("nojs-room"));
  await page.goto(`/rooms/${room.slug}?date=${tomorrow}`);
  await expect(page.getByText("Free all day.")).toBeVisible();

  // The shared wall-time rule, judged on the server: an end before the start.
  await page.getByLabel("From").fill("11:00");
  await page.getByLabel("Until").fill("10:00");
  expect(await confirm(page, "Book the room")).toBe(303);
  await expect(page.getByRole("alert")).toHaveText("Enter a start time and an end time after it.");

  await page.getByLabel("From").fill("11:00");
  await page.getByLabel("Until").fill("12:30");
  expect(await confirm(page, "Book the room")).toBe(303);
  await expect(page).toHaveURL(APPOINTMENT_URL);
  await expect(page.getByRole("heading", { name: "You are booked" })).toBeVisible();

  await page.goto(`/rooms/${room.slug}?date=${tomorrow}`);
  await expect(page.getByRole("list", { name: "Busy times" })).toHaveText("11:00–12:30");
  await page.getByLabel("From").fill("12:00");
  await page.getByLabel("Until").fill("13:00");
  expect(await confirm(page, "Book the room")).toBe(303);
  await expect(page.getByRole("alert")).toHaveText(/This time overlaps a booking\./);
  await expect(page.getByRole("list", { name: "Busy times" })).toHaveText("11:00–12:30");
});
