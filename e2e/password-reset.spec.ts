// Forgot password → the email → a new password → signed in; and the email verification banner.
// The mail is read as it arrives at a real SMTP server the e2e app sends to (e2e/mail-sink.ts,
// read through mailbox.ts).
import { expect, test } from "./fixtures";
import { linkIn, tokenOf } from "./mailbox";

test("a client who forgot the password gets a link by email, sets a new password and is signed in", async ({
  page,
  users,
}) => {
  const client = await users.client("forgot");

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(client.email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "If the address is registered" })).toBeVisible();

  const link = await linkIn(client.email, "password_reset");
  expect(link).toMatch(/^\/reset-password#token=/);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expect(page.getByText("The code from your link is filled in.")).toBeVisible();
  // The token leaves the address bar once read.
  await expect(page).toHaveURL(/\/reset-password$/);
  await page.getByLabel("New password").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Set the password and sign in" }).click();

  await expect(page.getByTestId("signed-in-as")).toContainText(client.name);
  // The link proved the mailbox: no banner asks to verify it.
  await expect(page.getByTestId("verify-email-banner")).toHaveCount(0);

  const old = await page.request.post("/api/v1/auth/token", {
    data: { email: client.email, password: client.password },
  });
  expect(old.status()).toBe(401);
  const fresh = await page.request.post("/api/v1/auth/token", {
    data: { email: client.email, password: "a brand new passphrase" },
  });
  expect(fresh.status()).toBe(200);

  // The link works once.
  await page.goto(link);
  await page.getByLabel("New password").fill("yet another passphrase");
  await page.getByRole("button", { name: "Set the password and sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "already used or expired" })).toBeVisible();
});

test("a new client is asked to verify the email address, and the link from the email does it", async ({
  page,
  users,
  signIn,
}) => {
  const client = await users.client("verify");
  await signIn(client);
  await page.goto("/");
  const banner = page.getByTestId("verify-email-banner");
  await expect(banner).toContainText("Please confirm your email address");
  await banner.getByRole("button", { name: "Send the link again" }).click();
  await expect(banner.getByRole("status")).toHaveText("A new link is on its way.");

  await page.goto(await linkIn(client.email, "email_verification"));
  await expect(page.getByRole("status").filter({ hasText: "your email address is confirmed" })).toBeVisible();
  await page.goto("/");
  await expect(page.getByTestId("signed-in-as")).toContainText(client.name);
  await expect(page.getByTestId("verify-email-banner")).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the reset page takes the code written in the email", async ({ page, users }) => {
    const client = await users.client("nojs");
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(client.email);
    await page.getByRole("button", { name: "Send the link" }).click();
    await expect(page.getByText("If the address is registered")).toBeVisible();

    const token = tokenOf(await linkIn(client.email, "password_reset"));
    await page.goto("/reset-password");
    await page.getByLabel("Code from the email").fill(token);
    await page.getByLabel("New password").fill("no script passphrase");
    await page.getByRole("button", { name: "Set the password and sign in" }).click();
    await expect(page.getByTestId("signed-in-as")).toContainText(client.name);
  });
});
