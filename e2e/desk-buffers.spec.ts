// Service buffers at the booking desk (issue #16): a booking the server refuses only for another
// appointment's cleaning time is not an error yet; the desk asks, and "Book anyway" books it with
// overrideBuffers (audited by the server).
import { expect, test } from "./fixtures";
import { createAdmin, dayIn, managerApi, scheduleEveryDay, unique } from "./staff-data";

type Ref = { id: string; name: string };
type Appointment = { id: string; start: string; end: string; status: string; client: { name: string } };

test.describe("booking desk and service buffers", () => {
  test("the desk asks before booking into another visit's cleaning time, then books it", async ({
    page,
    request,
    signIn,
  }) => {
    const api = await managerApi(request);
    const location = await api.post<Ref & { timezone: string }>("/locations", {
      name: unique("Buffer clinic"),
      timezone: "Europe/Moscow",
    });
    const service = await api.post<Ref & { bufferAfterMinutes: number }>("/services", {
      name: unique("Buffer colouring"),
      durationMinutes: 60,
      price: 3000,
      bufferAfterMinutes: 30,
    });
    expect(service.bufferAfterMinutes).toBe(30);
    const worker = await api.post<Ref>("/workers", {
      name: unique("Buffer worker"),
      locationId: location.id,
      serviceIds: [service.id],
      bookingHorizonDays: 14,
    });
    await scheduleEveryDay(api, worker.id, location);
    const admin = await createAdmin(api);
    await signIn(admin);
    const tomorrow = dayIn(location.timezone, 1).date;
    await page.goto("/admin");
    await page.getByLabel("Location").selectOption({ label: location.name });
    await page.getByLabel("Day", { exact: true }).fill(tomorrow);
    await page.getByRole("button", { name: `Book ${worker.name} at 11:00` }).click();

    // While the desk fills in the form, a phone booking takes 10:00-11:00, held until 11:30.
    await api.post("/appointments", {
      workerId: worker.id,
      serviceId: service.id,
      start: `${tomorrow}T10:00:00+03:00`,
      client: { name: unique("Phone caller") },
    });
    const dialog = page.getByRole("dialog", { name: "Book an appointment" });
    await dialog.getByLabel("New client").check();
    const clientName = unique("Squeezed Anna");
    await dialog.getByLabel("Name").fill(clientName);
    await dialog.getByRole("button", { name: "Book", exact: true }).click();

    const question = page.getByRole("dialog", { name: "Book into the preparation time?" });
    await expect(question).toBeVisible();
    await expect(question).toContainText("cleaning time");
    await question.getByRole("button", { name: "Book anyway" }).click();
    await expect(page.getByText("Booked.")).toBeVisible();

    const list = await api.get<{ items: Appointment[] }>(`/appointments?date=${tomorrow}&workerId=${worker.id}`);
    expect(list.items.map((a) => [a.start, a.end, a.status])).toEqual([
      [`${tomorrow}T10:00:00+03:00`, `${tomorrow}T11:00:00+03:00`, "booked"],
      [`${tomorrow}T11:00:00+03:00`, `${tomorrow}T12:00:00+03:00`, "booked"],
    ]);
    expect(list.items[1]?.client.name).toBe(clientName);
    await expect(
      page.getByTestId("day-board").getByRole("button", { name: new RegExp(`11:00–12:00.*${clientName}`) }),
    ).toBeVisible();
  });

  test("keeping the time books nothing", async ({ page, request, signIn }) => {
    const api = await managerApi(request);
    const location = await api.post<Ref & { timezone: string }>("/locations", {
      name: unique("Buffer keep clinic"),
      timezone: "Europe/Moscow",
    });
    const service = await api.post<Ref>("/services", {
      name: unique("Buffer keep colouring"),
      durationMinutes: 60,
      price: 3000,
      bufferBeforeMinutes: 30,
    });
    const worker = await api.post<Ref>("/workers", {
      name: unique("Buffer keep worker"),
      locationId: location.id,
      serviceIds: [service.id],
      bookingHorizonDays: 14,
    });
    await scheduleEveryDay(api, worker.id, location);
    const admin = await createAdmin(api);
    await signIn(admin);
    const tomorrow = dayIn(location.timezone, 1).date;
    await page.goto("/admin");
    await page.getByLabel("Location").selectOption({ label: location.name });
    await page.getByLabel("Day", { exact: true }).fill(tomorrow);
    await page.getByRole("button", { name: `Book ${worker.name} at 11:00` }).click();
    // 12:00-13:00 is booked meanwhile, held from 11:30: the desk's 11:00-12:00 now cuts into it.
    await api.post("/appointments", {
      workerId: worker.id,
      serviceId: service.id,
      start: `${tomorrow}T12:00:00+03:00`,
      client: { name: unique("Phone caller") },
    });
    const dialog = page.getByRole("dialog", { name: "Book an appointment" });
    await dialog.getByLabel("New client").check();
    const clientName = unique("Patient Boris");
    await dialog.getByLabel("Name").fill(clientName);
    await dialog.getByRole("button", { name: "Book", exact: true }).click();
    const question = page.getByRole("dialog", { name: "Book into the preparation time?" });
    await question.getByRole("button", { name: "Keep the time" }).click();
    await expect(question).toBeHidden();
    await expect(page.getByTestId("day-board").getByText(clientName)).toHaveCount(0);
    const list = await api.get<{ items: Appointment[] }>(`/appointments?date=${tomorrow}&workerId=${worker.id}`);
    expect(list.items.map((a) => a.start)).toEqual([`${tomorrow}T12:00:00+03:00`]);
  });
});
