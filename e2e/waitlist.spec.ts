// The waitlist journey with real mail: a client joins the waitlist for a full day from the worker's
// page, sees the entry in My appointments, the desk sees the day's list; staff cancel an appointment
// that day; the client's email (read from the mail sink) links to that day, where the freed time is
// booked, and the entry leaves the list as booked. The guest variant: a visitor not signed in joins
// with name and email, gets the confirmation with the leave link, then the free-up mail, and books the
// freed time as a guest; the spent leave link says it no longer works, a fresh one leaves the list.
// The desk takes a client off a day's list after a confirmation.
import { expectNoSeriousA11yViolations } from "./axe";
import { chooseBoardDay } from "./board";
import { bearer, bookAs, createWorker, E2E_TIME_ZONE, localDays } from "./catalog";
import { E2E_MANAGER } from "./env";
import { expect, test } from "./fixtures";
import { latestMessage } from "./mailbox";

test("waitlist → a cancellation elsewhere → email → book", async ({ page, users, signIn }) => {
  // A journey through three people, the job queue and the mail sink, like the guest's below.
  test.setTimeout(90_000);
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
  await chooseBoardDay(page, tomorrow);
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

test("guest: joins the waitlist with name and email → a cancellation → email → books as a guest; a leave link", async ({
  page,
  users,
}) => {
  // Two mails, a booking and two leave pages: more than the default 30 s on a loaded machine.
  test.setTimeout(90_000);
  const worker = await createWorker(page.request, "waitlist-guest");
  const { tomorrow } = localDays();
  const manager = await bearer(page.request, E2E_MANAGER);
  const offset = "+03:00"; // Europe/Moscow, the e2e zone (no summer time)
  const off = await page.request.post(`/api/v1/workers/${worker.id}/time-off`, {
    headers: manager,
    data: { start: `${tomorrow}T09:00:00${offset}`, end: `${tomorrow}T17:30:00${offset}`, reason: "training" },
  });
  expect(off.status(), await off.text()).toBe(201);
  const holder = await users.client("holder");
  const taken = await bookAs(page.request, holder, {
    workerId: worker.id,
    serviceId: worker.service.id,
    start: `${tomorrow}T17:30:00${offset}`,
  });
  const email = `waitlist-guest-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;

  // Not signed in, the full day offers the guest form (and signing in stays the other choice).
  const dayPath = `/workers/${worker.slug}?service=${worker.service.slug}&date=${tomorrow}`;
  await page.goto(dayPath);
  await expect(page.getByRole("heading", { name: "No free time this day?" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in to join the waitlist" })).toBeVisible();
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Join the waitlist" }) });
  await form.getByRole("button", { name: "Join the waitlist" }).click();
  await expect(form.getByText("Enter your name.")).toBeVisible();
  await form.getByLabel("Name").fill("Wanda Waiting");
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Join the waitlist" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You are on the waitlist for this day." })).toBeVisible();

  // The confirmation carries the leave link (token in the fragment).
  const joined = await latestMessage(email, "waitlist_joined");
  expect(joined.subject).toContain("you are on the waitlist");
  const firstLeave = joined.text.match(/https?:\/\/\S+\/waitlist\/[0-9a-f-]{36}\/leave#token=[A-Za-z0-9_-]{43}/)?.[0];
  expect(firstLeave, joined.text).toBeTruthy();

  // Staff cancel the appointment that fills the day; the guest is emailed the link to that day.
  const cancelled = await page.request.post(`/api/v1/appointments/${taken.id}/cancel`, { headers: manager });
  expect(cancelled.status(), await cancelled.text()).toBe(200);
  const message = await latestMessage(email, "waitlist_slot_free");
  expect(message.subject).toContain("a time you are waiting for is free");
  expect(message.text).toContain("Leave the waitlist: ");
  const link = message.text.match(/https?:\/\/\S+\/workers\/\S+/)?.[0];
  expect(link, message.text).toBeTruthy();
  const url = new URL(link as string);
  expect(`${url.pathname}${url.search}`).toBe(dayPath);

  // The guest books the freed time as a guest, with the same address.
  await page.goto(`${url.pathname}${url.search}`);
  await page.getByRole("list", { name: "Free times" }).getByRole("link", { name: "17:30" }).click();
  const guest = page.getByRole("region", { name: "Book as a guest" });
  await guest.getByLabel("Name").fill("Wanda Waiting");
  await guest.getByLabel("Email").fill(email);
  await guest.getByRole("button", { name: "Book as a guest" }).click();
  await expect(page.getByRole("heading", { name: "You are booked" })).toBeVisible();

  // Served, the entry is no longer on the list: its leave link says so.
  const leaveUrl = new URL(firstLeave as string);
  await page.goto(`${leaveUrl.pathname}${leaveUrl.hash}`);
  await page.getByRole("button", { name: "Leave the waitlist" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This link no longer works" })).toBeVisible();

  // Another day: a guest's leave link takes the entry off the list; the token left the address bar.
  const other = await page.request.post("/api/v1/waitlist", {
    data: {
      workerId: worker.id,
      serviceId: worker.service.id,
      date: tomorrow,
      client: { name: "Lars Leaving", email: `leaving-${email}` },
    },
  });
  expect(other.status(), await other.text()).toBe(201);
  const otherMail = await latestMessage(`leaving-${email}`, "waitlist_joined");
  const otherLeave = new URL(otherMail.text.match(/https?:\/\/\S+\/leave#token=\S+/)?.[0] as string);
  await page.goto(`${otherLeave.pathname}${otherLeave.hash}`);
  await expect(page.getByRole("heading", { name: "Leave the waitlist" })).toBeVisible();
  expect(new URL(page.url()).hash).toBe("");
  await page.getByRole("button", { name: "Leave the waitlist" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You have left the waitlist." })).toBeVisible();
});

for (const locale of ["en", "ru"] as const) {
  test(`the guest's waitlist form and leave page have no serious accessibility violation (${locale})`, async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(60_000);
    const worker = await createWorker(page.request, `waitlist-a11y-${locale}`);
    const { tomorrow } = localDays();
    const manager = await bearer(page.request, E2E_MANAGER);
    // Tomorrow has no free time at all: the whole day off.
    const off = await page.request.post(`/api/v1/workers/${worker.id}/time-off`, {
      headers: manager,
      data: { start: `${tomorrow}T00:00:00+03:00`, end: `${tomorrow}T23:59:00+03:00`, reason: "training" },
    });
    expect(off.status(), await off.text()).toBe(201);
    const email = `waitlist-a11y-${locale}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
    const joined = await page.request.post("/api/v1/waitlist", {
      data: { workerId: worker.id, serviceId: worker.service.id, date: tomorrow, client: { name: "Ada", email } },
    });
    expect(joined.status(), await joined.text()).toBe(201);
    const mail = await latestMessage(email, "waitlist_joined");
    const leave = new URL(mail.text.match(/https?:\/\/\S+\/leave#token=\S+/)?.[0] as string);

    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL as string }]);
    await page.goto(`/workers/${worker.slug}?service=${worker.service.slug}&date=${tomorrow}`);
    await expect(page.getByLabel(locale === "en" ? "Email" : "Эл. почта").last()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.goto(`${leave.pathname}${leave.hash}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}

test("the desk takes a client off a day's waitlist, after a confirmation", async ({ page, users, signIn }) => {
  const worker = await createWorker(page.request, "waitlist-desk");
  const { tomorrow } = localDays();
  const client = await users.client("off-the-list");
  const joined = await page.request.post("/api/v1/waitlist", {
    headers: await bearer(page.request, client),
    data: { workerId: worker.id, serviceId: worker.service.id, date: tomorrow },
  });
  expect(joined.status(), await joined.text()).toBe(201);
  const entryId = (await joined.json()).id as string;

  await signIn(E2E_MANAGER);
  await page.goto("/admin");
  await chooseBoardDay(page, tomorrow);
  const desk = page.getByRole("region", { name: "Waitlist for this day" });
  const remove = desk.getByRole("button", { name: `Remove ${client.name} from this day's waitlist` });
  // Keeping them changes nothing.
  await remove.click();
  const confirm = page.getByRole("dialog", { name: "Remove from the waitlist?" });
  await expect(confirm).toContainText(`${client.name} will get no more emails about this day.`);
  await expectNoSeriousA11yViolations(page);
  await confirm.getByRole("button", { name: "Keep" }).click();
  await expect(confirm).toBeHidden();
  await remove.click();
  await confirm.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("Removed from the waitlist.")).toBeVisible();
  // The day's list shows who is still waiting: they are off it.
  await expect(desk.getByText(client.name)).toHaveCount(0);

  const theirs = await page.request.get("/api/v1/waitlist?status=removed", {
    headers: await bearer(page.request, client),
  });
  expect((await theirs.json()).items).toMatchObject([{ id: entryId, status: "removed" }]);
});
