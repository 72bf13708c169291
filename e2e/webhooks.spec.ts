// A manager registers a webhook pointing at a receiver this test starts (node:http on 127.0.0.1;
// the e2e server allows private targets with WEBHOOK_ALLOW_PRIVATE=1), copies the secret shown
// once, sends a test message and sees its delivery in the log with the receiver's status code; the
// message that arrived verifies with that secret (standardwebhooks). Then the manager edits the
// endpoint's URL and events (PATCH) and the change survives a reload.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { expectNoSeriousA11yViolations } from "./axe";
import { expect, test } from "./fixtures";

type Got = { headers: IncomingHttpHeaders; body: string };

async function startReceiver() {
  const received: Got[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    received,
    url: (path: string) => `http://127.0.0.1:${port}/${path}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test("a manager adds a webhook, sends a test and sees it delivered", async ({ page, signIn, users }, testInfo) => {
  // Create, a delivery through the job queue, an edit and a reload, with axe three times: 23 s on the
  // desktop project, past 30 s on the phone project late in a CI run.
  test.setTimeout(60_000);
  const receiver = await startReceiver();
  try {
    const url = receiver.url(`hooks/${testInfo.project.name}-${Date.now()}`);
    await signIn(users.manager);
    await page.goto("/manage/webhooks");
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();

    await page.getByRole("button", { name: "New webhook" }).click();
    const form = page.getByRole("dialog", { name: "New webhook" });
    await form.getByLabel("URL").fill(url);
    await form.getByLabel("Appointment cancelled").uncheck();
    await expectNoSeriousA11yViolations(page);
    await form.getByRole("button", { name: "Create" }).click();

    const shown = page.getByRole("dialog", { name: "Signing secret" });
    const secretBox = shown.getByLabel("Secret");
    await expect(secretBox).toHaveValue(/^whsec_/);
    const secret = await secretBox.inputValue();
    await shown.getByRole("button", { name: "I have copied it" }).click();
    await expect(shown).toBeHidden();

    const row = page.getByRole("listitem").filter({ hasText: url });
    await expect(row.getByText("active", { exact: true })).toBeVisible();
    await expect(row.getByRole("list", { name: "Events" })).not.toContainText("Appointment cancelled");
    await row.getByRole("button", { name: `Send test: ${url}` }).click();

    // Other specs book meanwhile, so the list may also show their messages: find the test's row.
    const delivery = row.getByTestId("webhook-delivery").filter({ hasText: "Test message" });
    await expect(delivery).toContainText("Test message", { timeout: 15_000 });
    await expect(delivery).toContainText("delivered", { timeout: 20_000 });
    await expect(delivery.getByTestId("webhook-status-code")).toHaveText("200");
    // axe judges the page, not a toast caught halfway through fading out.
    await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 15_000 });
    await expectNoSeriousA11yViolations(page);

    // The endpoint also hears the clients and bookings other specs make meanwhile: every message is
    // signed with the secret shown, and the test message came exactly once.
    const webhook = new Webhook(secret);
    const payloads = receiver.received.map((got) => webhook.verify(got.body, got.headers as Record<string, string>));
    const tests = payloads.filter((payload) => (payload as { type?: string }).type === "webhook.test");
    expect(tests).toHaveLength(1);
    expect(tests[0]).toMatchObject({ type: "webhook.test", data: { message: expect.any(String) } });

    // The manager edits the endpoint: a new URL and one event fewer; the list shows it, and a reload
    // (the server's copy, changed by PATCH) still does.
    const editedUrl = receiver.url(`edited/${testInfo.project.name}-${Date.now()}`);
    await row.getByRole("button", { name: `Edit: ${url}` }).click();
    const edit = page.getByRole("dialog", { name: "Edit webhook" });
    await expect(edit.getByLabel("URL")).toHaveValue(url);
    await expect(edit.getByLabel("Appointment cancelled")).not.toBeChecked();
    await expect(edit.getByLabel("Appointment booked")).toBeChecked();
    await edit.getByLabel("URL").fill("");
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(edit.getByText("Enter the URL to send events to.")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    const patched = page.waitForRequest(
      (req) => req.method() === "PATCH" && /\/api\/v1\/webhooks\/[^/]+$/.test(req.url()),
    );
    await edit.getByLabel("URL").fill(editedUrl);
    await edit.getByLabel("Appointment booked").uncheck();
    await edit.getByRole("button", { name: "Save" }).click();
    expect((await patched).postDataJSON()).toMatchObject({ url: editedUrl });
    await expect(edit).toBeHidden();
    const edited = page.getByRole("listitem").filter({ hasText: editedUrl });
    const events = edited.getByRole("list", { name: "Events" });
    await expect(events).not.toContainText("Appointment booked");
    await expect(events).not.toContainText("Appointment cancelled");
    await expect(events).toContainText("Appointment rescheduled");
    await expect(page.getByRole("listitem").filter({ hasText: url })).toHaveCount(0);
    await page.reload();
    await expect(edited.getByRole("list", { name: "Events" })).toContainText("Appointment rescheduled");
    await expect(edited.getByRole("list", { name: "Events" })).not.toContainText("Appointment booked");
    await expect(page.getByRole("listitem").filter({ hasText: url })).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});

test("the webhooks page speaks Russian", async ({ page, context, baseURL, signIn, users }) => {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "ru", url: baseURL ?? "" }]);
  await signIn(users.manager);
  await page.goto("/manage/webhooks");
  await expect(page.getByRole("heading", { name: "Вебхуки", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Новый вебхук" }).click();
  const form = page.getByRole("dialog", { name: "Новый вебхук" });
  await expect(form.getByLabel("Запись перенесена")).toBeChecked();
  await expectNoSeriousA11yViolations(page);
});
