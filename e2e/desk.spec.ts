import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { chooseBoardDay } from "./board";
import { expect, test } from "./fixtures";
import { createAdmin, createWorkplace, dayIn, managerApi, scheduleEveryDay, unique } from "./staff-data";

type Appointment = { id: string; start: string; end: string; status: string; client: { name: string } };

async function openBoard(page: Page, locationName: string, date: string) {
  await page.goto("/admin");
  await page.getByLabel("Location").selectOption({ label: locationName });
  await chooseBoardDay(page, date);
}

test.describe("booking desk", () => {
  test("an admin books a walk-in client from the day board and reschedules it", async ({ page, request, signIn }) => {
    // A workplace set up, a booking, a reschedule and their checks: a long journey for 30 s.
    test.setTimeout(60_000);
    const api = await managerApi(request);
    const { location, worker } = await createWorkplace(api, "Walk-in");
    await scheduleEveryDay(api, worker.id, location);
    const admin = await createAdmin(api);
    await signIn(admin);
    const tomorrow = dayIn(location.timezone, 1).date;
    await openBoard(page, location.name, tomorrow);

    await page.getByRole("button", { name: `Book ${worker.name} at 10:00` }).click();
    const dialog = page.getByRole("dialog", { name: "Book an appointment" });
    await dialog.getByLabel("New client").check();
    const clientName = unique("Walk-in Olga");
    await dialog.getByLabel("Name").fill(clientName);
    await dialog.getByLabel("Phone").fill("+7 900 123-45-67");
    await expectNoSeriousA11yViolations(page);

    // Hold the request, to see the board show the booking before the server has answered.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/api/v1/appointments", async (route) => {
      if (route.request().method() === "POST") await held;
      await route.continue();
    });
    await dialog.getByRole("button", { name: "Book", exact: true }).click();
    const board = page.getByTestId("day-board");
    const booked = board.getByRole("button", { name: new RegExp(`10:00–11:00.*${clientName}`) });
    await expect(booked).toBeVisible();
    release();
    await expect(page.getByText("Booked.")).toBeVisible();

    const list = await api.get<{ items: Appointment[] }>(`/appointments?date=${tomorrow}&workerId=${worker.id}`);
    expect(list.items.map((a) => [a.start, a.client.name, a.status])).toEqual([
      [`${tomorrow}T10:00:00+03:00`, clientName, "booked"],
    ]);

    await booked.click();
    const details = page.getByRole("dialog", { name: "Appointment" });
    await expect(details.getByText(clientName)).toBeVisible();
    await expect(details.getByRole("link", { name: "Download .ics" })).toHaveAttribute(
      "href",
      `/api/v1/appointments/${list.items[0]?.id}/ics`,
    );
    await details.getByRole("button", { name: "Reschedule" }).click();
    await details.getByRole("button", { name: "Move to 14:00" }).click();
    await page
      .getByRole("dialog", { name: "Move this appointment?" })
      .getByRole("button", { name: "Yes, move it" })
      .click();
    await expect(page.getByText("Rescheduled.")).toBeVisible();
    await expect(board.getByRole("button", { name: new RegExp(`14:00–15:00.*${clientName}`) })).toBeVisible();
    await expect(board.getByRole("button", { name: `Book ${worker.name} at 10:00` })).toBeVisible();

    const moved = await api.get<Appointment>(`/appointments/${list.items[0]?.id}`);
    expect([moved.start, moved.end, moved.status]).toEqual([
      `${tomorrow}T14:00:00+03:00`,
      `${tomorrow}T15:00:00+03:00`,
      "booked",
    ]);

    // The client's page lists the appointment.
    await page.goto("/admin/clients");
    await page.getByLabel("Search clients").fill(clientName);
    await page.getByRole("link", { name: clientName }).click();
    await expect(page.getByRole("heading", { level: 1, name: clientName })).toBeVisible();
    await expect(page.getByRole("list", { name: "Appointments" })).toContainText("14:00");
  });

  test("a booking the server refuses disappears from the board again", async ({ page, request, signIn }) => {
    const api = await managerApi(request);
    const { location, service, worker } = await createWorkplace(api, "Race");
    await scheduleEveryDay(api, worker.id, location);
    const admin = await createAdmin(api);
    await signIn(admin);
    const tomorrow = dayIn(location.timezone, 1).date;
    await openBoard(page, location.name, tomorrow);
    await page.getByRole("button", { name: `Book ${worker.name} at 11:00` }).click();

    // Someone else takes 11:00 while the desk fills in the form.
    await api.post("/appointments", {
      workerId: worker.id,
      serviceId: service.id,
      start: `${tomorrow}T11:00:00+03:00`,
      client: { name: unique("Phone caller") },
    });
    const dialog = page.getByRole("dialog", { name: "Book an appointment" });
    await dialog.getByLabel("New client").check();
    const clientName = unique("Late Ivan");
    await dialog.getByLabel("Name").fill(clientName);
    await dialog.getByRole("button", { name: "Book", exact: true }).click();

    await expect(page.getByText("That time was just taken. Pick another.")).toBeVisible();
    await expect(page.getByTestId("day-board").getByText(clientName)).toHaveCount(0);
    await expect(
      page.getByTestId("day-board").getByRole("button", { name: /11:00–12:00.*Phone caller/ }),
    ).toBeVisible();
  });

  test("the default board shows every workplace of a time zone side by side", async ({ page, request, signIn }) => {
    const api = await managerApi(request);
    // A zone no other spec uses: a salon whose two chairs are two locations.
    const timezone = "Asia/Yekaterinburg";
    const workers = [];
    for (const chair of ["Chair 1", "Chair 2"]) {
      const location = await api.post<{ id: string; name: string; timezone: string }>("/locations", {
        name: unique(`Salon ${chair}`),
        timezone,
      });
      const worker = await api.post<{ id: string; name: string }>("/workers", {
        name: unique(`Salon ${chair} stylist`),
        locationId: location.id,
      });
      await scheduleEveryDay(api, worker.id, location);
      workers.push(worker);
    }
    const admin = await createAdmin(api);
    await signIn(admin);
    await page.goto("/admin");
    await page.getByLabel("Location").selectOption({ label: `All workplaces · ${timezone}` });
    await chooseBoardDay(page, dayIn(timezone, 1).date);

    const board = page.getByTestId("day-board");
    for (const worker of workers) {
      await expect(board.getByRole("button", { name: `Book ${worker.name} at 10:00` })).toBeVisible();
    }
  });
});
