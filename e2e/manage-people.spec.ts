import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { createWorkplace, dayIn, managerApi, scheduleEveryDay, unique } from "./staff-data";

test.describe("staff accounts and stats", () => {
  test("a manager creates an admin account and blocks it", async ({ page, request, signIn, users }) => {
    await signIn(users.manager);
    await page.goto("/manage/staff");
    await page.getByRole("button", { name: "New staff account" }).click();
    const dialog = page.getByRole("dialog", { name: "New staff account" });
    const name = unique("Desk Maria");
    const email = `e2e-desk-${randomBytes(5).toString("hex")}@e2e.test`;
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByLabel("Password").fill("short");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog.getByLabel("Password")).toHaveAccessibleDescription(/Use at least 8 characters/);
    await dialog.getByLabel("Password").fill("a desk passphrase");
    await dialog.getByLabel("Role").selectOption("admin");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();

    const row = page.getByRole("listitem").filter({ hasText: email });
    await expect(row.getByRole("combobox", { name: `Role of ${name}` })).toHaveValue("admin");
    await row.getByRole("button", { name: `Block: ${name}` }).click();
    // Blocking asks first.
    await page
      .getByRole("dialog", { name: `Block ${name}?` })
      .getByRole("button", { name: "Yes, block" })
      .click();
    await expect(row.getByText("blocked", { exact: true })).toBeVisible();

    const token = await request.post("/api/v1/auth/token", { data: { email, password: "a desk passphrase" } });
    expect(token.status()).toBe(403);
    expect((await token.json()).error.code).toBe("account_blocked");
  });

  test("stats count a worker's appointments per day", async ({ page, request, signIn, users }) => {
    const api = await managerApi(request);
    const { location, service, worker } = await createWorkplace(api, "Stats");
    await scheduleEveryDay(api, worker.id, location);
    const tomorrow = dayIn(location.timezone, 1).date;
    for (const time of ["10:00", "12:00"]) {
      await api.post("/appointments", {
        workerId: worker.id,
        serviceId: service.id,
        start: `${tomorrow}T${time}:00+03:00`,
        client: { name: unique("Stats client") },
      });
    }
    await signIn(users.manager);
    await page.goto("/manage/stats");
    const table = page.getByRole("table");
    // The first chart is drawn once the form has hydrated: a date typed before that would be lost.
    await expect(table).toBeVisible();
    const to = page.getByLabel("To", { exact: true });
    await to.fill(tomorrow);
    await expect(to).toHaveValue(tomorrow);
    await page.getByLabel("Worker").selectOption({ label: worker.name });
    await expect(table).toContainText("2 in total");
    const [y, m, d] = tomorrow.split("-").map(Number);
    const label = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d)).toLocaleDateString("en-GB", {
      weekday: "short",
      day: "numeric",
      month: "short",
      timeZone: "UTC",
    });
    await expect(table.getByRole("row", { name: label.replace(",", "") })).toContainText("2");
  });
});
