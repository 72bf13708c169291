// The specialist's own day (issue #17): a worker signs in on a phone and lands on /me/day, sees
// today's appointment with the client's name and a tap-to-call phone, marks it completed once it has
// started, goes offline and still reads the day, marked "offline, as of HH:MM", with nothing to change.
import { randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { bearer, E2E_TIME_ZONE } from "./catalog";
import { E2E_MANAGER } from "./env";
import { expect, test } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const MINUTE = 60_000;

async function send<T>(
  request: APIRequestContext,
  auth: Record<string, string>,
  method: string,
  path: string,
  data: unknown,
) {
  const res = await request.fetch(`/api/v1${path}`, { method, headers: auth, data });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/**
 * A worker with a shift around now, an account of role worker linked to it, and an appointment that
 * starts a few seconds from now (staff may book any minute), plus one later today or tomorrow.
 */
async function workerWithDay(request: APIRequestContext) {
  const auth = await bearer(request, E2E_MANAGER);
  const id = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  type Named = { id: string; slug: string; name: string };
  const location = await send<Named>(request, auth, "POST", "/locations", {
    name: `Day clinic ${id}`,
    timezone: E2E_TIME_ZONE,
  });
  const service = await send<Named>(request, auth, "POST", "/services", {
    name: `Massage ${id}`,
    durationMinutes: 30,
    price: 2000,
  });
  const worker = await send<Named>(request, auth, "POST", "/workers", {
    name: `Masseur ${id}`,
    locationId: location.id,
    serviceIds: [service.id],
  });
  const now = Date.now();
  await send(request, auth, "POST", `/workers/${worker.id}/shifts`, {
    locationId: location.id,
    start: new Date(now - 60 * MINUTE).toISOString(),
    end: new Date(now + 4 * 60 * MINUTE).toISOString(),
  });
  const account = { email: `e2e-specialist-${id}@e2e.test`, password: `pw-${randomBytes(8).toString("hex")}` };
  const user = await send<{ id: string }>(request, auth, "POST", "/users", {
    ...account,
    name: `Specialist ${id}`,
    role: "worker",
  });
  await send(request, auth, "PATCH", `/workers/${worker.id}`, { userId: user.id });
  const start = new Date(Math.ceil((now + 3000) / 1000) * 1000);
  const first = await send<{ id: string }>(request, auth, "POST", "/appointments", {
    workerId: worker.id,
    serviceId: service.id,
    start: start.toISOString(),
    client: { name: `Olga ${id}`, phone: "+7 900 123-45-67" },
    notes: "Left shoulder",
  });
  await send(request, auth, "POST", "/appointments", {
    workerId: worker.id,
    serviceId: service.id,
    start: new Date(now + 120 * MINUTE).toISOString(),
    client: { name: `Pavel ${id}` },
  });
  return { account, start, first, clientName: `Olga ${id}` };
}

test("a worker signs in on a phone, marks a started appointment completed, and reads the day offline", async ({
  page,
  context,
  request,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const day = await workerWithDay(request);
  // The appointment has started by the time the page is read.
  await page.waitForTimeout(Math.max(0, day.start.getTime() - Date.now() + 500));

  await page.goto("/login");
  await page.getByLabel("Email").fill(day.account.email);
  await page.getByLabel("Password").fill(day.account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/me\/day$/);
  await expect(page.getByRole("heading", { name: "My day", level: 1 })).toBeVisible();

  const card = page.getByRole("article", { name: new RegExp(day.clientName) });
  await expect(card).toBeVisible();
  await expect(card.getByRole("link", { name: `Call ${day.clientName}` })).toHaveAttribute("href", "tel:+79001234567");
  await expect(card.getByText("Left shoulder")).toBeVisible();
  // axe finds nothing serious on the day, in English and in Russian.
  await expectNoSeriousA11yViolations(page);
  await context.addCookies([{ name: "NEXT_LOCALE", value: "ru", url: baseURL as string }]);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("My day");
  await expectNoSeriousA11yViolations(page);
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL as string }]);
  await page.reload();
  await expect(page.getByRole("heading", { name: "My day", level: 1 })).toBeVisible();
  // Once the service worker is active, it keeps the page and its data for offline reading.
  await expect(page.locator("[data-offline-ready=true]")).toBeAttached({ timeout: 30_000 });

  await card.getByRole("button", { name: "Completed" }).click();
  await expect(card.getByText("Completed", { exact: true })).toBeVisible();
  await expect(card.getByRole("button", { name: "Completed" })).toHaveCount(0);
  // The changed day is kept again before the phone goes offline.
  await expect(page.locator("[data-offline-ready=true]")).toBeAttached({ timeout: 30_000 });

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "My day", level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /Offline, as of \d{2}:\d{2}/ })).toBeVisible();
  const offlineCard = page.getByRole("article", { name: new RegExp(day.clientName) });
  await expect(offlineCard.getByText("Completed", { exact: true })).toBeVisible();
  await expect(offlineCard.getByText("+7 900 123-45-67")).toBeVisible();
  // Nothing is written offline.
  await expect(offlineCard.getByRole("button", { name: "Edit notes" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Add", exact: true })).toBeDisabled();
  await context.setOffline(false);

  // Signing out lands by way of /signed-out, whose Clear-Site-Data drops the service worker and what
  // it kept: the next person on a shared phone cannot read the day offline.
  await page.goto("/signed-out");
  await expect(page).toHaveURL(/\/$/);
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  await context.setOffline(true);
  await page.goto("/me/day").catch(() => undefined);
  await expect(page.getByText(day.clientName)).toHaveCount(0);
  await context.setOffline(false);
});
