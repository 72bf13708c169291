// The desk's day board (issue #17): blocks at their real minutes, free time at the worker's own slot
// starts, names and times pinned while the board scrolls at 360 px, reschedule with a confirmation.
import type { Locator, Page } from "@playwright/test";
import { chooseBoardDay } from "./board";
import { expect, test } from "./fixtures";
import { type Api, createAdmin, dayIn, managerApi, scheduleEveryDay, unique } from "./staff-data";

type Ref = { id: string; slug: string; name: string };
type Appointment = { id: string; start: string; end: string; status: string; worker: Ref | null };

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error("not rendered");
  return b;
}

/** A 20-minute service and `count` workers performing it, each in a workplace of its own in `timezone`. */
async function twentyMinuteWorkers(api: Api, label: string, timezone: string, count: number) {
  const service = await api.post<Ref>("/services", { name: unique(`${label} trim`), durationMinutes: 20, price: 900 });
  const workers: (Ref & { location: Ref & { timezone: string } })[] = [];
  for (let i = 0; i < count; i++) {
    const location = await api.post<Ref & { timezone: string }>("/locations", {
      name: unique(`${label} chair ${i + 1}`),
      timezone,
    });
    const worker = await api.post<Ref>("/workers", {
      name: unique(`${label} barber ${i + 1}`),
      locationId: location.id,
      serviceIds: [service.id],
      bookingHorizonDays: 14,
    });
    await scheduleEveryDay(api, worker.id, location);
    workers.push({ ...worker, location });
  }
  return { service, workers };
}

async function openBoard(page: Page, scope: string, date: string) {
  await page.goto("/admin");
  await page.getByLabel("Location").selectOption({ label: scope });
  await chooseBoardDay(page, date);
}

test.describe("desk day board", () => {
  test("a desk admin books at 10:40 on a 20-minute worker and sees the block at 10:40, 20 minutes tall", async ({
    page,
    request,
    signIn,
  }) => {
    const api = await managerApi(request);
    const { workers } = await twentyMinuteWorkers(api, "Grid", "Europe/Moscow", 1);
    const worker = workers[0] as (typeof workers)[number];
    await signIn(await createAdmin(api));
    const tomorrow = dayIn("Europe/Moscow", 1).date;
    await openBoard(page, worker.location.name, tomorrow);

    const board = page.getByTestId("day-board");
    // On a wide screen the board takes the window's width, not the page's 64rem text column.
    const viewport = page.viewportSize();
    if (viewport && viewport.width >= 1200) {
      expect((await box(board)).width).toBeGreaterThanOrEqual(viewport.width - 80);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    }
    // The worker's grid is 20 minutes: 10:20 and 10:40 are offered, 10:30 is not.
    await expect(board.getByRole("button", { name: `Book ${worker.name} at 10:20` })).toBeVisible();
    await expect(board.getByRole("button", { name: `Book ${worker.name} at 10:30` })).toHaveCount(0);
    await board.getByRole("button", { name: `Book ${worker.name} at 10:40` }).click();
    const dialog = page.getByRole("dialog", { name: "Book an appointment" });
    await dialog.getByLabel("New client").check();
    const clientName = unique("Short Pavel");
    await dialog.getByLabel("Name").fill(clientName);
    await expect(dialog.getByLabel("Duration, minutes")).toHaveValue("20");
    await dialog.getByRole("button", { name: "Book", exact: true }).click();
    await expect(page.getByText("Booked.")).toBeVisible();

    const block = board.getByRole("button", { name: new RegExp(`10:40–11:00.*${clientName}`) });
    await expect(block).toBeVisible();
    await expect(block).not.toHaveAttribute("aria-busy", "true");
    // Where it sits: 40 minutes below the 10:00 line, one third of an hour tall.
    const ten = await box(board.getByTestId("board-hour").filter({ hasText: /^10:00$/ }));
    const eleven = await box(board.getByTestId("board-hour").filter({ hasText: /^11:00$/ }));
    const hour = eleven.y - ten.y;
    expect(hour).toBeGreaterThanOrEqual(90);
    const placed = await box(block);
    expect(Math.abs(placed.y - (ten.y + (hour * 40) / 60))).toBeLessThanOrEqual(2);
    expect(Math.abs(placed.height - hour / 3)).toBeLessThanOrEqual(3);
    // 10:40 is taken now, 11:00 right after it is still free.
    await expect(board.getByRole("button", { name: `Book ${worker.name} at 10:40` })).toHaveCount(0);
    await expect(board.getByRole("button", { name: `Book ${worker.name} at 11:00` })).toBeVisible();

    const list = await api.get<{ items: Appointment[] }>(`/appointments?date=${tomorrow}&workerId=${worker.id}`);
    expect(list.items.map((a) => [a.start, a.end])).toEqual([
      [`${tomorrow}T10:40:00+03:00`, `${tomorrow}T11:00:00+03:00`],
    ]);
  });

  test("at 360 px the worker names stay on top and the times stay whole while the board scrolls both ways", async ({
    page,
    request,
    signIn,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const api = await managerApi(request);
    // A zone no other spec uses, so this board holds only workers of this file.
    const timezone = "Asia/Omsk";
    const { workers } = await twentyMinuteWorkers(api, "Narrow", timezone, 3);
    await signIn(await createAdmin(api));
    await openBoard(page, `All workplaces · ${timezone}`, dayIn(timezone, 1).date);

    const board = page.getByTestId("day-board");
    const last = workers[2] as (typeof workers)[number];
    await expect(board.getByRole("button", { name: `Book ${last.name} at 09:00` })).toBeAttached();
    // The columns do not fit: the board says so, and the page itself does not scroll sideways.
    const more = page.getByRole("button", { name: /more workers? to the right/ });
    await expect(more).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The whole board in the window (it is shorter than the window), then scrolled to its far corner.
    await board.scrollIntoViewIfNeeded();
    const frame = await box(board);
    expect(frame.y).toBeGreaterThanOrEqual(0);
    expect(frame.y + frame.height).toBeLessThanOrEqual(742);
    await board.evaluate((el) => el.scrollTo(el.scrollWidth, el.scrollHeight));
    await expect.poll(() => board.evaluate((el) => el.scrollTop)).toBeGreaterThan(150);
    await expect.poll(() => board.evaluate((el) => el.scrollLeft)).toBeGreaterThan(150);

    // The rightmost worker's name is at the board's top edge, whole and uncovered.
    const name = board.getByTestId("board-worker").last();
    const head = await box(name);
    expect(Math.abs(head.y - frame.y)).toBeLessThanOrEqual(2);
    expect(head.x + head.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
    expect(await topmostAt(page, head.x + head.width / 2, head.y + head.height / 2)).toBe(await name.textContent());
    await expect(more).toHaveCount(0);

    // An hour label in view sits in the time column at the board's left edge, whole and uncovered.
    const labels = board.getByTestId("board-hour");
    const visible = [];
    for (const label of await labels.all()) {
      const b = await box(label);
      if (b.y > head.y + head.height && b.y + 16 < frame.y + frame.height) visible.push({ label, b });
    }
    expect(visible.length).toBeGreaterThan(0);
    for (const { label, b } of visible) {
      expect(b.x).toBeGreaterThanOrEqual(frame.x);
      expect(b.x).toBeLessThanOrEqual(frame.x + 2);
      const text = (await label.textContent()) ?? "";
      expect(text).toMatch(/^\d\d:\d\d$/);
      // The text's own box, left to right, is the topmost thing on the screen.
      const textBox = await label.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const r = range.getBoundingClientRect();
        return { left: r.left, right: r.right, y: r.top + r.height / 2 };
      });
      expect(textBox.left).toBeGreaterThanOrEqual(0);
      expect(textBox.right).toBeLessThanOrEqual(b.x + b.width);
      expect(await topmostAt(page, textBox.left + 1, textBox.y)).toBe(text);
      expect(await topmostAt(page, textBox.right - 1, textBox.y)).toBe(text);
    }
  });

  test("reschedule asks to confirm from → to and moves the appointment to another worker", async ({
    page,
    request,
    signIn,
  }) => {
    const api = await managerApi(request);
    const timezone = "Asia/Novosibirsk";
    const { service, workers } = await twentyMinuteWorkers(api, "Move", timezone, 2);
    const [from, to] = workers as [(typeof workers)[number], (typeof workers)[number]];
    const tomorrow = dayIn(timezone, 1).date;
    const clientName = unique("Moving Irina");
    const booked = await api.post<Appointment>("/appointments", {
      workerId: from.id,
      serviceId: service.id,
      start: `${tomorrow}T12:20:00+07:00`,
      client: { name: clientName, phone: "+7 900 000-11-22" },
    });
    await signIn(await createAdmin(api));
    await openBoard(page, `All workplaces · ${timezone}`, tomorrow);

    const board = page.getByTestId("day-board");
    await board.getByRole("button", { name: new RegExp(`12:20–12:40.*${clientName}`) }).click();
    const details = page.getByRole("dialog", { name: "Appointment" });
    // The client's card in short; no completed/no-show before the start.
    const card = details.getByRole("region", { name: "Client card" });
    await expect(card.getByRole("link", { name: clientName })).toBeVisible();
    await expect(card).toContainText("+7 900 000-11-22");
    await expect(card.getByTestId("client-counts")).toHaveText("Visits: 0 · No-shows: 0 · Upcoming: 1");
    await expect(details.getByRole("button", { name: "Mark completed" })).toHaveCount(0);
    await expect(details.getByRole("button", { name: "Mark no-show" })).toHaveCount(0);

    await details.getByRole("button", { name: "Reschedule" }).click();
    await details.getByLabel("Worker", { exact: true }).selectOption({ label: to.name });
    await details.getByRole("button", { name: "Move to 15:40" }).click();
    const confirm = page.getByRole("dialog", { name: "Move this appointment?" });
    await expect(confirm.getByTestId("move-summary")).toContainText(`12:20–12:40 · ${from.name}`);
    await expect(confirm.getByTestId("move-summary")).toContainText(`15:40–16:00 · ${to.name}`);
    await confirm.getByRole("button", { name: "Yes, move it" }).click();
    await expect(page.getByText("Rescheduled.")).toBeVisible();

    // The block is now in the other worker's column.
    const block = board.getByRole("button", { name: new RegExp(`15:40–16:00.*${clientName}`) });
    await expect(block).toBeVisible();
    await block.scrollIntoViewIfNeeded();
    const head = await box(board.getByTestId("board-worker").filter({ hasText: to.name }));
    const placed = await box(block);
    expect(placed.x).toBeGreaterThanOrEqual(head.x - 1);
    expect(placed.x + placed.width).toBeLessThanOrEqual(head.x + head.width + 1);
    const moved = await api.get<Appointment>(`/appointments/${booked.id}`);
    expect([moved.start, moved.worker?.id]).toEqual([`${tomorrow}T15:40:00+07:00`, to.id]);
  });
});

/** The text of the element drawn on top at a point of the viewport. */
function topmostAt(page: Page, x: number, y: number) {
  return page.evaluate(
    ([px, py]) => document.elementFromPoint(px as number, py as number)?.textContent ?? null,
    [x, y],
  );
}
