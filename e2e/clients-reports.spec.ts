// The client card (figures, duplicates, merge), the reports page with its CSV, the staff accounts'
// confirmations and where staff land after signing in (issue #17).
import { readFile } from "node:fs/promises";
import type { Page, TestInfo } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { expect, test } from "./fixtures";
import { type Api, createAdmin, createWorkplace, dayIn, managerApi, scheduleEveryDay, unique } from "./staff-data";

type ClientRef = { id: string; name: string };

/** RFC 4180 back into rows: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Two records of one person (one phone, written two ways), each with an appointment tomorrow. */
async function twoRecordsOfOnePerson(api: Api, label: string) {
  const { location, service, worker } = await createWorkplace(api, label);
  await scheduleEveryDay(api, worker.id, location);
  const tomorrow = dayIn(location.timezone, 1).date;
  const digits = String(Date.now()).slice(-7);
  const kept = await api.post<ClientRef>("/clients", {
    name: unique("Maria Kept"),
    phone: `+7 900 ${digits.slice(0, 3)}-${digits.slice(3)}`,
    notes: "prefers the window seat",
  });
  const duplicate = await api.post<ClientRef>("/clients", {
    name: unique("Maria Dup"),
    phone: `+7(900)${digits}`,
    email: `${unique("maria").replaceAll(" ", "-")}@e2e.test`,
  });
  for (const [client, hour] of [
    [kept, "10:00"],
    [duplicate, "12:00"],
  ] as const) {
    await api.post("/appointments", {
      workerId: worker.id,
      serviceId: service.id,
      clientId: client.id,
      start: `${tomorrow}T${hour}:00+03:00`,
    });
  }
  return { location, worker, tomorrow, kept, duplicate, digits };
}

test("a manager is warned of a duplicate, merges the two records and exports the range as CSV", async ({
  page,
  request,
  signIn,
  users,
}) => {
  test.slow();
  const api = await managerApi(request);
  const { location, worker, tomorrow, kept, duplicate, digits } = await twoRecordsOfOnePerson(api, "Merge");
  await signIn(users.manager);

  // Typing the phone of a record on file in the new-client form warns and links to it.
  await page.goto("/admin/clients");
  await page.getByRole("button", { name: "New client" }).click();
  const form = page.getByRole("dialog", { name: "New client" });
  await form.getByLabel("Phone").fill(`+7900${digits}`);
  await expect(form.getByText("This person may already be on file")).toBeVisible();
  await expect(form.getByRole("link", { name: `Open ${kept.name}` })).toBeVisible();
  await expect(form.getByRole("link", { name: `Open ${duplicate.name}` })).toBeVisible();
  await page.keyboard.press("Escape");

  // The card offers the record with the same phone; the merge asks first.
  await page.goto(`/admin/clients/${kept.id}`);
  await expect(page.getByRole("heading", { level: 1, name: kept.name })).toBeVisible();
  await expect(page.getByTestId("figure-upcoming")).toHaveText("1");
  const merge = page.getByRole("region", { name: "Merge a duplicate into this record" });
  await merge.getByRole("button", { name: `Merge ${duplicate.name} into this record` }).click();
  const confirm = page.getByRole("dialog", { name: "Merge the two records?" });
  await expect(confirm).toContainText(`${duplicate.name} will be merged into ${kept.name}`);
  await confirm.getByRole("button", { name: "Yes, merge" }).click();
  await expect(page.getByText("Records merged.")).toBeVisible();
  await expect(page.getByTestId("figure-upcoming")).toHaveText("2");
  const upcoming = page.getByRole("list", { name: "Upcoming appointments" });
  await expect(upcoming.getByRole("listitem")).toHaveCount(2);
  await expect(upcoming).toContainText("10:00");
  await expect(upcoming).toContainText("12:00");
  await expect(page.getByRole("region", { name: "Summary" })).toContainText(`name: ${duplicate.name}`);
  expect((await page.request.get(`/api/v1/clients/${duplicate.id}`)).status()).toBe(404);

  // The reports page counts both under one worker, and its CSV holds them under the kept record.
  await page.goto("/admin/reports");
  await page.getByLabel("From", { exact: true }).fill(tomorrow);
  await page.getByLabel("To", { exact: true }).fill(tomorrow);
  await page.getByLabel("Location", { exact: true }).selectOption({ label: location.name });
  await expect(page.getByTestId("report-booked")).toHaveText("2");
  const perWorker = page.getByRole("table", { name: "Appointments per worker, by status" });
  await expect(perWorker.getByRole("row", { name: new RegExp(worker.name) })).toContainText("2");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`appointments-${tomorrow}-${tomorrow}.csv`);
  const path = await download.path();
  const rows = parseCsv(await readFile(path, "utf8"));
  const [header, ...body] = rows;
  expect(header?.slice(0, 9)).toEqual([
    "id",
    "start",
    "end",
    "timezone",
    "status",
    "worker",
    "service",
    "location",
    "client",
  ]);
  const column = (name: string) => header?.indexOf(name) ?? -1;
  expect(body.map((r) => [r[column("start")], r[column("client")], r[column("status")]])).toEqual([
    [`${tomorrow}T10:00:00+03:00`, kept.name, "booked"],
    [`${tomorrow}T12:00:00+03:00`, kept.name, "booked"],
  ]);
});

test("an unknown client card answers a real 404", async ({ page, signIn, users }) => {
  await signIn(users.manager);
  const res = await page.request.get("/admin/clients/00000000-0000-4000-8000-000000000000");
  expect(res.status()).toBe(404);
  expect((await page.request.get("/admin/clients/not-a-uuid")).status()).toBe(404);
});

test("staff land by role after signing in; blocking and role changes ask first, never on one's own row", async ({
  page,
  request,
  users,
}) => {
  const api = await managerApi(request);
  const admin = await createAdmin(api);
  const signInWithForm = async (user: { email: string; password: string }) => {
    await page.context().clearCookies();
    await page.goto("/login");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  await signInWithForm(admin);
  await expect(page).toHaveURL(/\/admin$/);
  await signInWithForm(users.manager);
  await expect(page).toHaveURL(/\/manage$/);

  await page.goto("/manage/staff");
  // Many accounts exist by now (every spec registers clients): show one role at a time.
  await page.getByLabel("Show").selectOption("manager");
  const own = page.getByRole("listitem").filter({ hasText: users.manager.email });
  await expect(own).toContainText("(you)");
  await expect(own.getByRole("button", { name: /^Block/ })).toHaveCount(0);

  await page.getByLabel("Show").selectOption("admin");
  const row = page.getByRole("listitem").filter({ hasText: admin.email });
  await row.getByRole("button", { name: `Block: ${admin.name}` }).click();
  const ask = page.getByRole("dialog", { name: `Block ${admin.name}?` });
  await ask.getByRole("button", { name: "Keep as is" }).click();
  await expect(ask).toBeHidden();
  await expect(row).not.toContainText("blocked");

  await row.getByLabel(`Role of ${admin.name}`).selectOption("manager");
  const roleAsk = page.getByRole("dialog", { name: `Change the role of ${admin.name}?` });
  await expect(roleAsk).toContainText("becomes Manager");
  await roleAsk.getByRole("button", { name: "Keep as is" }).click();
  await expect(row.getByLabel(`Role of ${admin.name}`)).toHaveValue("admin");

  await row.getByRole("button", { name: `Block: ${admin.name}` }).click();
  await page
    .getByRole("dialog", { name: `Block ${admin.name}?` })
    .getByRole("button", { name: "Yes, block" })
    .click();
  await expect(row).toContainText("blocked");
  await expect(row.getByRole("button", { name: `Unblock: ${admin.name}` })).toBeVisible();
});

const LANGUAGES = ["en", "ru"] as const;

async function narrowOnPhone(page: Page, testInfo: TestInfo) {
  if (testInfo.project.name === "ui-phone") await page.setViewportSize({ width: 360, height: 740 });
}

/** Axe finds nothing serious once nothing is loading, and the page is no wider than the screen. */
async function checkPage(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("[role=status][aria-live]")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  const width = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(width[0], `${path} is wider than the screen`).toBeLessThanOrEqual(width[1] ?? 0);
}

for (const locale of LANGUAGES) {
  test(`the client card and the reports page pass axe (${locale})`, async ({
    page,
    request,
    signIn,
    users,
    context,
    baseURL,
  }, testInfo) => {
    test.slow();
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL ?? "" }]);
    const api = await managerApi(request);
    const { kept } = await twoRecordsOfOnePerson(api, `Axe ${locale}`);
    await narrowOnPhone(page, testInfo);
    await signIn(users.manager);
    await checkPage(page, `/admin/clients/${kept.id}`);
    await expect(page.getByRole("heading", { level: 2, name: locale === "en" ? "Summary" : "Сводка" })).toBeVisible();
    await checkPage(page, "/admin/reports");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "en" ? "Reports" : "Отчёты");
    const admin = await createAdmin(api);
    await page.goto("/manage/staff");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const block = locale === "en" ? "Block" : "Заблокировать";
    await page.getByRole("button", { name: `${block}: ${admin.name}` }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}
