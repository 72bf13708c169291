import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { openSiteMenu } from "./site-menu";

/** Every URL the page navigates to, to show that none of them ever carries the password. */
function recordUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  page.on("framenavigated", (frame) => urls.push(frame.url()));
  return urls;
}

test.describe("sign-in and register with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("signs in by POST, with the password never in a URL", async ({ page, users }) => {
    const client = await users.client("nojs-login");
    const urls = recordUrls(page);
    await page.goto("/login?callbackUrl=%2Fappointments");
    await page.getByLabel("Email").fill(client.email);
    await page.getByLabel("Password").fill(client.password);
    const [post] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === "/login"),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
    expect(post.postData() ?? "").toContain(client.email.split("@")[0]);

    await expect(page).toHaveURL(/\/appointments$/);
    await expect(page.getByTestId("signed-in-as")).toHaveText(`${client.name} · client`);
    expect(urls.filter((url) => url.includes(client.password) || url.includes("password="))).toEqual([]);
  });

  test("signs out by POST from the header, and the session is gone", async ({ page, users, signIn }) => {
    await signIn(await users.client("nojs-signout"));
    await page.goto("/rooms");
    // On a phone the header folds into a <details> menu, which opens without JavaScript too.
    await openSiteMenu(page);
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
    expect((await page.context().cookies()).some((c) => c.name.endsWith("next-auth.session-token"))).toBe(false);
    await page.goto("/appointments");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a wrong password answers on the form, keeping the email", async ({ page, users }) => {
    const client = await users.client("nojs-wrong");
    await page.goto("/login");
    await page.getByLabel("Email").fill(client.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(client.email);
    expect(page.url()).not.toContain("not-the-password");
    await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  });

  test("registers and signs in by POST, with errors next to the fields", async ({ page }) => {
    const suffix = randomBytes(4).toString("hex");
    const email = `e2e-nojs-register-${suffix}@e2e.test`;
    const password = `pw-${randomBytes(8).toString("hex")}`;
    const urls = recordUrls(page);
    await page.goto("/register");

    // A password too short comes back next to its field, the rest filled in again.
    await page.getByLabel("Name").fill(`No Script ${suffix}`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
    await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Email")).toHaveValue(email);

    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/appointments$/);
    await expect(page.getByTestId("signed-in-as")).toHaveText(`No Script ${suffix} · client`);
    expect(urls.filter((url) => url.includes(password) || url.includes("short") || url.includes("password="))).toEqual(
      [],
    );
  });

  test("a taken email is named next to the email field", async ({ page, users }) => {
    const client = await users.client("nojs-taken");
    await page.goto("/register");
    await page.getByLabel("Name").fill("Someone Else");
    await page.getByLabel("Email").fill(client.email);
    await page.getByLabel("Password").fill("another long passphrase");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("This email is already registered. Sign in instead.")).toBeVisible();
    await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  });
});

test.describe("callbackUrl after sign-in stays on the site", () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`with JavaScript ${javaScriptEnabled ? "on" : "off"}`, async ({ browser, users, baseURL }) => {
      const client = await users.client("redirect");
      const context = await browser.newContext({ javaScriptEnabled, baseURL });
      const page = await context.newPage();
      for (const evil of [
        "%2F%09%2Fevil.example",
        "%2F%0A%2Fevil.example",
        "%2F%5Cevil.example",
        "https%3A%2F%2Fevil.example",
      ]) {
        await context.clearCookies();
        await page.goto(`/login?callbackUrl=${evil}`);
        await page.getByLabel("Email").fill(client.email);
        await page.getByLabel("Password").fill(client.password);
        await page.getByRole("button", { name: "Sign in" }).click();
        await expect(page.getByTestId("signed-in-as")).toHaveText(`${client.name} · client`);
        expect(new URL(page.url()).origin, evil).toBe(new URL(baseURL ?? "").origin);
      }
      await context.close();
    });
  }
});
