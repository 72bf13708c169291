// The waitlist journey with real mail: a client joins the waitlist for a full day from the worker's
// page, sees the entry in My appointments, the desk sees the day's list; staff cancel an appointment
// that day; the client's email (read from the mail sink) links to that day, where the freed time is
// booked, and the entry leaves the list as booked.
import { bearer, bookAs, createWorker, E2E_TIME_ZONE, localDays } from "./catalog";
import { E2E_MANAGER } from "./env";
import { expect, test } from "./fixtures";
import { latestMessage } from "./mailbox";

test("waitlist → a cancellation elsewhere → email → book", async ({ page, users, signIn }) => {
  const worker = await createWorker(page.request, "waitlist");
  const { tomorrow } = localDays();
  const manager = await bearer(page.request, E2E_MANAGER);
  const offset = "+03:00"; // Europe/Moscow, the e2e zone (no summer time)
  expect(E2E_TIME_ZONE).toBe("Europe/Moscow");
  // Tomorrow is full: time off until 17:30, and the last half hour booked by someone else.
  const off = await page.request.post(`/api/v1/workers/${worker.id}/time-off`, {
    headers: manager,
    data: { start: `${tomorrow}T09:00:00${offset}`, end: `${tomorrow}T17:30:00${offset}`, reason: "training" },
  });
  expect(off.status(), await off.text()).toBe(201);
  const [holder, waiting] = await Promise.all([users.client("holder"), users.client("waiting")]);
  const taken = await bookAs(page.request, holder, {
    workerId: worker.id,
    serviceId: worker.service.id,
    start: `${tomorrow}T17:30:00${offset}`,
  });

  // The full day offers the waitlist.
  await signIn(waiting);
  const dayPath = `/workers/${worker.slug}?service=${worker.service.slug}&date=${tomorrow}`;
  // The calendar greys the full day out; the day form under it opens it.
  await page.goto(`/workers/${worker.slug}?service=${worker.service.slug}`);
  await page.getByLabel("Is the day you want full? Open it to join its waitlist").fill(tomorrow);
  await page.getByRole("button", { name: "Open the day" }).click();
  await expect(page).toHaveURL(new RegExp(`date=${tomorrow}`));
  await expect(page.getByRole("heading", { name: "No free time this day?" })).toBeVisible();
  await page.getByRole("button", { name: "Join the waitlist" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You are on the waitlist for this day." })).toBeVisible();

  // My appointments lists it, with Leave.
  await page.goto("/appointments");
  const list = page.getByRole("region", { name: "Waitlist" });
  await expect(list.getByText(`${worker.service.name} with ${worker.name}`)).toBeVisible();
  await expect(list.getByRole("button", { name: /^Leave the waitlist for / })).toBeVisible();

  // The desk sees the day's waitlist.
  await signIn(E2E_MANAGER);
  await page.goto("/admin");
  await page.getByLabel("Day", { exact: true }).fill(tomorrow);
  const desk = page.getByRole("region", { name: "Waitlist for this day" });
  await expect(desk.getByText(waiting.name)).toBeVisible();
  await expect(desk).toContainText(worker.service.name);
  await signIn(waiting);

  // Staff cancel the appointment that fills the day.
  const cancelled = await page.request.post(`/api/v1/appointments/${taken.id}/cancel`, { headers: manager });
  expect(cancelled.status(), await cancelled.text()).toBe(200);

  // The email links to that day, where the freed time is free again.
  const message = await latestMessage(waiting.email, "waitlist_slot_free");
  expect(message.subject).toContain("a time you are waiting for is free");
  const link = message.text.match(/https?:\/\/\S+\/workers\/\S+/)?.[0];
  expect(link, message.text).toBeTruthy();
  const url = new URL(link as string);
  expect(`${url.pathname}${url.search}`).toBe(dayPath);
  await page.goto(`${url.pathname}${url.search}`);
  await page.getByRole("list", { name: "Free times" }).getByRole("link", { name: "17:30" }).click();
  await expect(page.getByRole("heading", { name: "Confirm your booking" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("heading", { name: "You are booked" })).toBeVisible();

  // Booked: the entry leaves the list.
  await page.goto("/appointments");
  await expect(
    page.getByRole("region", { name: "Waitlist" }).getByText("You are not waiting for any day."),
  ).toBeVisible();
  const mine = await page.request.get("/api/v1/waitlist?status=booked", {
    headers: await bearer(page.request, waiting),
  });
  expect((await mine.json()).items).toMatchObject([{ status: "booked", worker: { id: worker.id } }]);
});
