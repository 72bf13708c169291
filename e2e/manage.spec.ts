import { expect, test } from "./fixtures";
import { dayIn, managerApi, unique } from "./staff-data";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

test.describe("manager pages", () => {
  test("a manager creates a location, a worker and a weekly schedule, and the worker's slots open", async ({
    page,
    request,
    signIn,
    users,
  }) => {
    // Three forms, a schedule applied, the public page and the API: a long journey for 30 s.
    test.setTimeout(60_000);
    const api = await managerApi(request);
    const service = await api.post<{ id: string; name: string }>("/services", {
      name: unique("Haircut"),
      durationMinutes: 60,
      price: 1500,
    });
    await signIn(users.manager);

    const locationName = unique("Riverside clinic");
    await page.goto("/manage/locations");
    await page.getByRole("button", { name: "New location" }).click();
    const locationDialog = page.getByRole("dialog", { name: "New location" });
    await locationDialog.getByLabel("Name").fill(locationName);
    await locationDialog.getByLabel("Time zone").selectOption("Europe/Moscow");
    await locationDialog.getByRole("button", { name: "Save" }).click();
    await expect(locationDialog).toBeHidden();
    await expect(page.getByRole("list", { name: "Locations" }).getByText(locationName)).toBeVisible();

    const workerName = unique("Anna");
    await page.goto("/manage/workers");
    await page.getByRole("button", { name: "New worker" }).click();
    const workerDialog = page.getByRole("dialog", { name: "New worker" });
    await workerDialog.getByLabel("Name", { exact: true }).fill(workerName);
    await workerDialog.getByLabel("Home location").selectOption({ label: locationName });
    await workerDialog.getByLabel(service.name).check();
    await workerDialog.getByLabel("Booking horizon, days").fill("14");
    await workerDialog.getByRole("button", { name: "Save" }).click();
    await expect(workerDialog).toBeHidden();
    await page.getByRole("link", { name: `Schedule: ${workerName}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Schedule of ${workerName}` })).toBeVisible();

    // Tomorrow in Moscow: a morning and an evening interval.
    const tomorrow = dayIn("Europe/Moscow", 1);
    const day = WEEKDAYS[tomorrow.weekday - 1] ?? "";
    await page.getByLabel("Applies from").fill(tomorrow.date);
    await page.getByRole("button", { name: `Add hours on ${day}` }).click();
    await page.getByLabel(`${day}, interval 1: start`).fill("08:00");
    await page.getByLabel(`${day}, interval 1: end`).fill("10:00");
    await page.getByRole("button", { name: `Add hours on ${day}` }).click();
    await page.getByLabel(`${day}, interval 2: start`).fill("17:00");
    await page.getByLabel(`${day}, interval 2: end`).fill("19:00");
    await page.getByRole("button", { name: "Save and apply" }).click();
    await expect(page.getByText(/Schedule applied: \d+ shifts? in the range/)).toBeVisible();

    // The new slots are on the public worker page, in the location's zone; the API gives the instants.
    const workers = await api.get<{ items: { slug: string; name: string }[] }>(
      `/workers?q=${encodeURIComponent(workerName)}`,
    );
    const worker = workers.items.find((w) => w.name === workerName);
    expect(worker).toBeDefined();
    await page.goto(`/workers/${worker?.slug}?date=${tomorrow.date}`);
    await expect(page.getByRole("heading", { level: 1, name: workerName })).toBeVisible();
    const free = page.getByRole("list", { name: "Free times" }).getByRole("link");
    await expect(free).toHaveText(["08:00", "09:00", "17:00", "18:00"]);
    const slots = await api.get<{ slots: { start: string }[] }>(
      `/workers/${worker?.slug}/slots?service=${service.id}&date=${tomorrow.date}`,
    );
    expect(slots.slots.map((s) => s.start)).toEqual([
      `${tomorrow.date}T08:00:00+03:00`,
      `${tomorrow.date}T09:00:00+03:00`,
      `${tomorrow.date}T17:00:00+03:00`,
      `${tomorrow.date}T18:00:00+03:00`,
    ]);
  });

  test("a schedule that would put two workers in one place shows the conflicting dates by the fields", async ({
    page,
    request,
    signIn,
    users,
  }) => {
    const api = await managerApi(request);
    const location = await api.post<{ id: string; name: string }>("/locations", {
      name: unique("Shared room"),
      timezone: "Europe/Moscow",
    });
    const first = await api.post<{ id: string }>("/workers", { name: unique("First"), locationId: location.id });
    const second = await api.post<{ slug: string }>("/workers", { name: unique("Second"), locationId: location.id });
    const day = dayIn("Europe/Moscow", 2);
    await api.put(`/workers/${first.id}/weekly-schedule`, {
      locationId: location.id,
      from: day.date,
      until: day.date,
      rules: [{ weekday: day.weekday, start: "09:00", end: "17:00" }],
    });
    await signIn(users.manager);

    await page.goto(`/manage/workers/${second.slug}`);
    const weekday = WEEKDAYS[day.weekday - 1] ?? "";
    await page.getByLabel("Applies from").fill(day.date);
    await page.getByLabel("Until", { exact: true }).fill(day.date);
    await page.getByRole("button", { name: `Add hours on ${weekday}` }).click();
    await page.getByRole("button", { name: "Save and apply" }).click();

    const conflict = page.getByRole("alert").filter({ hasText: "Another worker has shifts at this location" });
    await expect(conflict).toBeVisible();
    const [y, m, d] = day.date.split("-").map(Number);
    const shown = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d)).toLocaleDateString("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    });
    await expect(conflict.getByTestId("conflict-dates")).toContainText(`${shown}, 09:00–17:00`);
    // The date fields point at the list, so a screen reader hears it with them.
    await expect(page.getByLabel("Applies from")).toHaveAccessibleDescription(new RegExp(`${shown}, 09:00–17:00`));
  });

  test("the services list shows how long a visit holds the specialist before and after", async ({
    page,
    request,
    signIn,
    users,
  }) => {
    const api = await managerApi(request);
    // A name that sorts first, so the list's first page holds it however many services other specs made.
    const name = unique("0 Buffered massage");
    await api.post("/services", {
      name,
      durationMinutes: 50,
      bufferBeforeMinutes: 10,
      bufferAfterMinutes: 5,
      price: 3000,
    });
    await signIn(users.manager);
    await page.goto("/manage/services");
    const row = page.getByRole("list", { name: "Services" }).getByRole("listitem").filter({ hasText: name });
    await expect(row).toContainText("50 minutes · held 10 min before, 5 min after");
  });

  test("a form refuses bad input next to the field, before asking the server", async ({ page, signIn, users }) => {
    await signIn(users.manager);
    await page.goto("/manage/services");
    await page.getByRole("button", { name: "New service" }).click();
    const dialog = page.getByRole("dialog", { name: "New service" });
    await dialog.getByLabel("Duration, minutes").fill("0");
    await dialog.getByRole("button", { name: "Save" }).click();
    const name = dialog.getByLabel("Name", { exact: true });
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(name).toHaveAccessibleDescription("Enter a name.");
    await expect(dialog.getByLabel("Duration, minutes")).toHaveAccessibleDescription(
      "Use a whole number of minutes from 1 to 1440.",
    );
  });
});

test.describe("the location's time zone picker", () => {
  // A zone that is neither the server's nor Moscow, to see that a new location starts in the browser's.
  test.use({ timezoneId: "Asia/Tokyo" });

  test("the time zone picker finds a zone by city on a 360 px phone, and the location is created in it", async ({
    page,
    signIn,
    users,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(users.manager);
    await page.goto("/manage/locations");
    await page.getByRole("button", { name: "New location" }).click();
    const dialog = page.getByRole("dialog", { name: "New location" });
    const zone = dialog.getByLabel("Time zone", { exact: true });
    await expect(zone).toHaveValue("Asia/Tokyo");
    const options = await zone.locator("option").evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
    expect(options).toEqual([...options].sort());
    expect(options).not.toContain("US/Pacific-New");

    const search = dialog.getByLabel("Find a city or region");
    await search.fill("los angeles");
    await expect(zone).toHaveValue("America/Los_Angeles");
    await search.fill("moscow");
    await expect(zone).toHaveValue("Europe/Moscow");
    await expect(zone.locator("option").first()).toHaveText("Europe/Moscow (UTC+03:00)");
    await expect(dialog.getByText(/time zones? match/)).toBeVisible();
    // The keyboard goes from the search box to the list.
    await search.press("Tab");
    await expect(zone).toBeFocused();

    const name = unique("Moscow office");
    await dialog.getByLabel("Name", { exact: true }).fill(name);
    const width = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(width[0], "the dialog is wider than the screen").toBeLessThanOrEqual(width[1] ?? 0);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByRole("list", { name: "Locations" }).getByRole("listitem").filter({ hasText: name }),
    ).toContainText("Europe/Moscow");
  });
});
