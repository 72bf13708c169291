import { expect, test } from "./fixtures";
import { linkIn, tokenOf } from "./mailbox";
import { managerApi, unique } from "./staff-data";

// Registering never takes over the desk's record with the same email; the desk links them by hand,
// and is offered the account only once its owner verified the address (anyone may register any).
test("the desk links a walk-in's record to the account registered with that email", async ({ page, users, signIn }) => {
  const api = await managerApi(page.request);
  const client = await users.client("link");
  const desk = await api.post<{ id: string; userId: string | null }>("/clients", {
    name: unique("Walk-in"),
    email: client.email,
    notes: "seen at the desk",
  });
  expect(desk.userId).toBeNull();

  await signIn(users.manager);
  await page.goto(`/admin/clients/${desk.id}`);
  const account = page.getByRole("region", { name: "Account" });
  await expect(account).toBeVisible();
  await expect(account).not.toContainText("registered with this email");

  // The client verifies the address with the link registration emailed.
  const token = tokenOf(await linkIn(client.email, "email_verification"));
  expect((await page.request.post("/api/v1/auth/verify-email", { data: { token } })).status()).toBe(200);
  await page.reload();
  await expect(account).toContainText(`${client.name} registered with this email (${client.email}).`);
  await account.getByRole("button", { name: "Link to this account" }).click();
  await expect(account).toContainText(`Linked to the account ${client.name} (${client.email}).`);
  expect((await api.get<{ userId: string }>(`/clients/${desk.id}`)).userId).not.toBeNull();
});
