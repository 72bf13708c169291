// Service buffers at the booking desk (issue #16): a booking the server refuses only for another
// appointment's cleaning time is not an error yet; the desk asks, and "Book anyway" books it with
// overrideBuffers (audited by the server).
import type { APIRequestContext, Page } from "@playwright/test";
import { chooseBoardDay } from "./board";
import { expect, test } from "./fixtures";
import { type Api, createAdmin, dayIn, managerApi, scheduleEveryDay, unique } from "./staff-data";

type Ref = { id: string; name: string };
type Appointment = { id: string; start: string; end: string; status: string; client: { name: string } };

type Buffers = { bufferBeforeMinutes?: number; bufferAfterMinutes?: number };

/**
 * A clinic in Moscow with a 60-minute service (`buffers` around it) and a worker on it every day;
 * a new admin signed in at the desk on tomorrow's board, the booking form open for 11:00.
 */
async function deskBookingAt11(
  page: Page,
  request: APIRequestContext,
  signIn: (user: { email: string; password: string }) => Promise<void>,
  label: string,
  buffers: Buffers,
) {
  const api = await managerApi(request);
  const location = await api.post<Ref & { timezone: string }>("/locations", {
    name: unique(`${label} clinic`),
    timezone: "Europe/Moscow",
  });
  const service = await api.post<Ref & Required<Buffers>>("/services", {
    name: unique(`${label} colouring`),
    durationMinutes: 60,
    price: 3000,
    ...buffers,
  });
  const worker = await api.post<Ref>("/workers", {
    name: unique(`${label} worker`),
    locationId: location.id,
    serviceIds: [service.id],
    bookingHorizonDays: 14,
  });
  await scheduleEveryDay(api, worker.id, location);
  await signIn(await createAdmin(api));
  const tomorrow = dayIn(location.timezone, 1).date;
  await page.goto("/admin");
  await page.getByLabel("Location").selectOption({ label: location.name });
  await chooseBoardDay(page, tomorrow);
  await page.getByRole("button", { name: `Book ${worker.name} at 11:00` }).click();
  return { api, service, worker, tomorrow };
}

/** A phone booking of the worker's service at `time` tomorrow, made through the API meanwhile. */
const phoneBooking = (api: Api, scene: { service: Ref; worker: Ref; tomorrow: string }, time: string) =>
  api.post("/appointments", {
    workerId: scene.worker.id,
    serviceId: scene.service.id,
    start: `${scene.tomorrow}T${time}:00+03:00`,
    client: { name: unique("Phone caller") },
  });

/** Books a new client named `clientName` in the open form; returns the buffer question. */
async function bookNewClient(page: Page, clientName: string) {
  const dialog = page.getByRole("dialog", { name: "Book an appointment" });
  await dialog.getByLabel("New client").check();
  await dialog.getByLabel("Name").fill(clientName);
  await dialog.getByRole("button", { name: "Book", exact: true }).click();
  return page.getByRole("dialog", { name: "Book into the preparation time?" });
}

test.describe("booking desk and service buffers", () => {
  test("the desk asks before booking into another visit's cleaning time, then books it", async ({
    page,
    request,
    signIn,
  }) => {
    const scene = await deskBookingAt11(page, request, signIn, "Buffer", { bufferAfterMinutes: 30 });
    const { api, worker, tomorrow } = scene;
    expect(scene.service.bufferAfterMinutes).toBe(30);
    // While the desk fills in the form, a phone booking takes 10:00-11:00, held until 11:30.
    await phoneBooking(api, scene, "10:00");
    const clientName = unique("Squeezed Anna");
    const question = await bookNewClient(page, clientName);

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
    const scene = await deskBookingAt11(page, request, signIn, "Buffer keep", { bufferBeforeMinutes: 30 });
    const { api, worker, tomorrow } = scene;
    // 12:00-13:00 is booked meanwhile, held from 11:30: the desk's 11:00-12:00 now cuts into it.
    await phoneBooking(api, scene, "12:00");
    const clientName = unique("Patient Boris");
    const question = await bookNewClient(page, clientName);
    await question.getByRole("button", { name: "Keep the time" }).click();
    await expect(question).toBeHidden();
    await expect(page.getByTestId("day-board").getByText(clientName)).toHaveCount(0);
    const list = await api.get<{ items: Appointment[] }>(`/appointments?date=${tomorrow}&workerId=${worker.id}`);
    expect(list.items.map((a) => a.start)).toEqual([`${tomorrow}T12:00:00+03:00`]);
  });
});
