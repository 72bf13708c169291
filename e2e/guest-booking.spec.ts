// A guest books without an account (POST /appointments with client { name, email, phone }, as a
// partner site or kiosk would), opens the manage link from the confirmation email (as it arrives
// at the e2e mail sink: see mailbox.ts), moves the appointment to another free time, then cancels it;
// the link stops working. The manage page reads its token from the URL fragment and drops it from the
// address bar. Also in Russian, on a phone.

import { createWorker, localDays } from "./catalog";
import { expect, test } from "./fixtures";
import { latestMessage } from "./mailbox";
import { unique } from "./staff-data";

type Slot = { start: string; end: string };

async function freeSlots(request: import("@playwright/test").APIRequestContext, workerId: string, serviceId: string) {
  const res = await request.get(`/api/v1/workers/${workerId}/slots?service=${serviceId}&date=${localDays().tomorrow}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { slots: Slot[] }).slots;
}

async function guestBooking(request: import("@playwright/test").APIRequestContext, label: string) {
  const worker = await createWorker(request, label);
  const slots = await freeSlots(request, worker.id, worker.service.id);
  expect(slots.length).toBeGreaterThan(3);
  const email = `${unique("guest").replace(/\s+/g, "-")}@example.test`.toLowerCase();
  const res = await request.post("/api/v1/appointments", {
    data: {
      workerId: worker.id,
      serviceId: worker.service.id,
      start: slots[0]?.start,
      client: { name: "Gina Guest", email, phone: "+7 900 111-22-33" },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const appointment = (await res.json()) as { id: string; start: string };
  const message = await latestMessage(email, "confirmation");
  const link = message.text.match(/https?:\/\/\S+\/manage#token=[A-Za-z0-9_-]{43}/)?.[0];
  expect(link, message.text).toBeTruthy();
  const url = new URL(link as string);
  expect(url.pathname).toBe(`/appointments/${appointment.id}/manage`);
  return { worker, appointment, path: `${url.pathname}${url.hash}`, token: url.hash.slice("#token=".length) };
}

test("a guest books, opens the manage link from the email, moves the appointment and cancels it", async ({ page }) => {
  const { appointment, path, token } = await guestBooking(page.request, "guest");
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Your booking" })).toBeVisible();
  // The token leaves the address bar once read.
  await expect(page).toHaveURL(new RegExp(`/appointments/${appointment.id}/manage$`));
  await expect(page.getByTestId("appointment-status")).toHaveText("Booked");

  await page.getByRole("button", { name: /^Reschedule/ }).click();
  const times = page.getByRole("list", { name: "Free times" });
  await expect(times.getByRole("button").first()).toBeVisible();
  await times.getByRole("button").nth(2).click();
  await page.getByRole("button", { name: /^Move to/ }).click();
  await expect(page.getByText("The appointment has moved.")).toBeVisible();
  const moved = await page.request.get(`/api/v1/appointments/${appointment.id}`, {
    headers: { "x-manage-token": token },
  });
  expect(moved.status()).toBe(200);
  expect(new Date((await moved.json()).start).getTime()).not.toBe(new Date(appointment.start).getTime());

  await page.getByRole("button", { name: /^Cancel / }).click();
  await page.getByRole("button", { name: "Yes, cancel" }).click();
  await expect(page.getByTestId("appointment-status")).toHaveText("Cancelled");
  await expect(page.getByText("Your booking is cancelled.")).toBeVisible();
  const after = await page.request.get(`/api/v1/appointments/${appointment.id}?token=${token}`);
  expect(after.status()).toBe(400);
  expect((await after.json()).error.code).toBe("invalid_token");

  // The spent link now says so (a fresh load: a link differing only in its fragment would not reload).
  await page.goto("about:blank");
  await page.goto(path);
  await expect(page.getByRole("alert").filter({ hasText: "no longer opens the booking" })).toBeVisible();
});

test("the manage page in Russian on a phone", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  await context.addCookies([{ name: "NEXT_LOCALE", value: "ru", url: baseURL as string }]);
  const page = await context.newPage();
  const { path } = await guestBooking(page.request, "гость");
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Ваша запись" })).toBeVisible();
  await page.getByRole("button", { name: /^Перенести/ }).click();
  await expect(page.getByRole("list", { name: "Свободное время" }).getByRole("button").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow).toBe(false);
  await context.close();
});
