import { expect, test } from "./fixtures";
import { openSiteMenu } from "./site-menu";

test.describe("sign-in and the staff area", () => {
  test("a manager signs in through the form and reaches Manage", async ({ page, users }) => {
    await page.goto("/login?callbackUrl=%2Fmanage");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await page.getByLabel("Email").fill(users.manager.email);
    await page.getByLabel("Password").fill(users.manager.password);
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page).toHaveURL(/\/manage$/);
    await expect(page.getByRole("heading", { level: 1, name: "Manage" })).toBeVisible();
    await expect(page.getByTestId("signed-in-as")).toHaveText(`${users.manager.name} · manager`);
  });

  test("a wrong password keeps the visitor on the form with an error", async ({ page, users }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(users.manager.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();

    // Next.js keeps an empty role=alert route announcer on every page, so match the message itself.
    await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  });

  test("an anonymous visitor of /manage is sent to the sign-in page", async ({ page }) => {
    await page.goto("/manage");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fmanage/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Manage" })).toHaveCount(0);
  });

  test("a signed-in client visiting /manage is sent away", async ({ page, users, signIn }) => {
    const client = await users.client();
    await signIn(client);
    await page.goto("/manage");

    await expect(page).not.toHaveURL(/\/manage/);
    await expect(page.getByTestId("signed-in-as")).toHaveText(`${client.name} · client`);
    await expect(page.getByRole("heading", { name: "Manage" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Manage" })).toHaveCount(0);
  });

  test("signing out ends the session", async ({ page, users, signIn }) => {
    await signIn(users.manager);
    await page.goto("/");
    await expect(page.getByTestId("signed-in-as")).toHaveText(`${users.manager.name} · manager`);

    await openSiteMenu(page);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(page.getByTestId("signed-in-as")).toHaveCount(0);

    await page.goto("/manage");
    await expect(page).toHaveURL(/\/login/);
  });

  test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, users, signIn }) => {
    await signIn(await users.client("cookie"));
    const session = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
  });
});
