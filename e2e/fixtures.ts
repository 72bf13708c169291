// Fixtures in the style of cal.com's playwright/fixtures: unique users per test, created through the
// public API, and a sign-in that goes through next-auth's own endpoints so the session cookie lands
// in the browser context without typing into the form (the form has its own test in auth.spec.ts).
import { randomBytes } from "node:crypto";
import { type APIRequestContext, test as base, expect, type Page } from "@playwright/test";
import { E2E_MANAGER } from "./env";

export type TestUser = { email: string; password: string; name: string; role: "client" | "admin" | "manager" };

/** Registers a new client with a unique email via `POST /api/v1/auth/register`. */
export async function registerClient(request: APIRequestContext, label = "client"): Promise<TestUser> {
  const suffix = `${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
  const user: TestUser = {
    email: `e2e-${label}-${suffix}@e2e.test`,
    password: `pw-${randomBytes(8).toString("hex")}`,
    name: `E2E ${label} ${suffix}`,
    role: "client",
  };
  const res = await request.post("/api/v1/auth/register", {
    data: { email: user.email, password: user.password, name: user.name },
  });
  expect(res.status(), await res.text()).toBe(201);
  return user;
}

/**
 * Signs in with next-auth's credentials flow: GET /api/auth/csrf, then POST the form body to
 * /api/auth/callback/credentials. `page.request` shares the page's cookie jar, so both the CSRF
 * cookie and the session cookie end up in the browser.
 */
export async function signIn(page: Page, user: Pick<TestUser, "email" | "password">): Promise<void> {
  const csrf = await page.request.get("/api/auth/csrf");
  expect(csrf.ok()).toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password, json: "true" },
  });
  expect(res.ok(), `sign-in of ${user.email} answered ${res.status()}`).toBe(true);
  // next-auth answers 200 with `{ url }` either way; a failed sign-in points at the error page.
  const { url } = (await res.json()) as { url: string };
  expect(url, `sign-in of ${user.email} failed`).not.toContain("error=");
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);
}

type Fixtures = {
  /** Creates users for this test: `users.client()` registers a fresh one; `users.manager` exists already. */
  users: { client: (label?: string) => Promise<TestUser>; manager: TestUser };
  /** Signs the page's browser context in as the given user. */
  signIn: (user: Pick<TestUser, "email" | "password">) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  users: async ({ request }, use) => {
    await use({
      client: (label) => registerClient(request, label),
      manager: { ...E2E_MANAGER, role: "manager" },
    });
  },
  signIn: async ({ page }, use) => {
    await use((user) => signIn(page, user));
  },
});

export { expect };
