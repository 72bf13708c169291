import { encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { POST as register } from "@/app/api/v1/auth/register/route";
import { POST as token } from "@/app/api/v1/auth/token/route";
import { GET as me } from "@/app/api/v1/me/route";
import { findUserByEmail, updateUser } from "@/db/queries/users";
import { call } from "@/testing/http";
import { hashPassword } from "./password";
import { authSecret } from "./secret";

let counter = 0;
const uniqueEmail = () => `user${++counter}-${Date.now()}@example.test`;

async function registerAndSignIn(password = "correct horse battery") {
  const email = uniqueEmail();
  const created = await call(register, "POST", "/api/v1/auth/register", {
    body: { email, password, name: "Test User" },
  });
  expect(created.status).toBe(201);
  const issued = await call(token, "POST", "/api/v1/auth/token", { body: { email, password } });
  expect(issued.status).toBe(200);
  return { email, password, userId: created.json.user.id as string, accessToken: issued.json.accessToken as string };
}

describe("POST /api/v1/auth/register", () => {
  it("creates a client and answers 201 { user } without secrets", async () => {
    const email = uniqueEmail();
    const res = await call(register, "POST", "/api/v1/auth/register", {
      body: { email: `  ${email.toUpperCase()} `, password: "12345678", name: "Ann", phone: "+7 900 000-00-00" },
    });
    expect(res.status).toBe(201);
    expect(res.json.user).toMatchObject({
      email,
      name: "Ann",
      role: "client",
      blocked: false,
      phone: "+7 900 000-00-00",
    });
    expect(JSON.stringify(res.json)).not.toMatch(/hash|argon/i);
  });

  it("refuses a taken email, whatever its case, with 409 already_exists", async () => {
    const email = uniqueEmail();
    await call(register, "POST", "/api/v1/auth/register", { body: { email, password: "12345678", name: "A" } });
    const again = await call(register, "POST", "/api/v1/auth/register", {
      body: { email: email.toUpperCase(), password: "87654321", name: "B" },
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("already_exists");
  });

  it("answers 400 validation_failed with the failing fields and creates nothing", async () => {
    const email = uniqueEmail();
    const res = await call(register, "POST", "/api/v1/auth/register", { body: { email, password: "short", name: "" } });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("validation_failed");
    const paths = res.json.error.details.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(["name", "password"]);
    expect(await findUserByEmail(email)).toBeUndefined();
  });

  it("answers 400 invalid_json for a broken body and 415 for a non-JSON one", async () => {
    const broken = await call(register, "POST", "/api/v1/auth/register", {
      rawBody: '{"email": ',
      headers: { "content-type": "application/json" },
    });
    expect(broken.status).toBe(400);
    expect(broken.json.error.code).toBe("invalid_json");
    const form = await call(register, "POST", "/api/v1/auth/register", {
      rawBody: "email=a@b.c",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    expect(form.json.error.code).toBe("unsupported_media_type");
  });

  it("accepts long and non-ASCII passwords, however the text is composed", async () => {
    const composed = `пароль-${"é".normalize("NFC")}-🔐-${"x".repeat(500)}`;
    const { email } = await registerAndSignIn(composed);
    const decomposed = composed.normalize("NFD");
    expect(decomposed).not.toBe(composed);
    const res = await call(token, "POST", "/api/v1/auth/token", { body: { email, password: decomposed } });
    expect(res.status).toBe(200);
  });
});

describe("POST /api/v1/auth/token", () => {
  it("returns a bearer token that /me accepts", async () => {
    const { email, accessToken } = await registerAndSignIn();
    const res = await call(me, "GET", "/api/v1/me", { token: accessToken });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ email, role: "client", blocked: false });
  });

  it("answers the token response of API.md", async () => {
    const { email, password } = await registerAndSignIn();
    const res = await call(token, "POST", "/api/v1/auth/token", { body: { email, password } });
    expect(res.json).toMatchObject({ tokenType: "Bearer", user: { email, role: "client" } });
    expect(res.json.expiresIn).toBeGreaterThan(0);
    expect(typeof res.json.accessToken).toBe("string");
  });

  it("answers 401 invalid_credentials for a wrong password or an unknown email", async () => {
    const { email } = await registerAndSignIn();
    const wrong = await call(token, "POST", "/api/v1/auth/token", { body: { email, password: "not the password" } });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe("invalid_credentials");
    const unknown = await call(token, "POST", "/api/v1/auth/token", {
      body: { email: uniqueEmail(), password: "whatever1" },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.json.error.code).toBe("invalid_credentials");
  });
});

describe("GET /api/v1/me and revocation", () => {
  it("answers 401 unauthenticated with no token or a forged one", async () => {
    expect((await call(me, "GET", "/api/v1/me")).json.error.code).toBe("unauthenticated");
    const forged = await call(me, "GET", "/api/v1/me", { token: "not.a.token" });
    expect(forged.status).toBe(401);
    const otherKey = await encode({ secret: "another-secret-another-secret-1234", token: { sub: "x" } });
    expect((await call(me, "GET", "/api/v1/me", { token: otherKey })).status).toBe(401);
  });

  it("accepts the browser session cookie too", async () => {
    const { userId, email } = await registerAndSignIn();
    const user = await findUserByEmail(email);
    const session = await encode({ secret: authSecret(), token: { sub: userId, sv: user?.sessionVersion } });
    const res = await call(me, "GET", "/api/v1/me", { headers: { cookie: `next-auth.session-token=${session}` } });
    expect(res.status).toBe(200);
    expect(res.json.id).toBe(userId);
  });

  it("gives a blocked user's existing token 403 account_blocked on its next request", async () => {
    const { email, password, userId, accessToken } = await registerAndSignIn();
    expect((await call(me, "GET", "/api/v1/me", { token: accessToken })).status).toBe(200);

    await updateUser(userId, { blocked: true });
    const blocked = await call(me, "GET", "/api/v1/me", { token: accessToken });
    expect(blocked.status).toBe(403);
    expect(blocked.json.error.code).toBe("account_blocked");
    const relogin = await call(token, "POST", "/api/v1/auth/token", { body: { email, password } });
    expect(relogin.status).toBe(403);
    expect(relogin.json.error.code).toBe("account_blocked");

    // Unblocking lets the user sign in again, but the token issued before the block stays dead.
    await updateUser(userId, { blocked: false });
    expect((await call(me, "GET", "/api/v1/me", { token: accessToken })).status).toBe(401);
    const fresh = await call(token, "POST", "/api/v1/auth/token", { body: { email, password } });
    expect((await call(me, "GET", "/api/v1/me", { token: fresh.json.accessToken })).status).toBe(200);
  });

  it("applies a role change to a token issued before it", async () => {
    const { userId, accessToken } = await registerAndSignIn();
    await updateUser(userId, { role: "admin" });
    const res = await call(me, "GET", "/api/v1/me", { token: accessToken });
    expect(res.status).toBe(200);
    expect(res.json.role).toBe("admin");
  });

  it("stops accepting a token once it has expired, however often it was accepted before", async () => {
    const { userId, email } = await registerAndSignIn();
    const user = await findUserByEmail(email);
    const minute = await encode({ secret: authSecret(), maxAge: 60, token: { sub: userId, sv: user?.sessionVersion } });
    for (let i = 0; i < 3; i++) expect((await call(me, "GET", "/api/v1/me", { token: minute })).status).toBe(200);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 2 * 60_000 });
    try {
      const res = await call(me, "GET", "/api/v1/me", { token: minute });
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe("unauthenticated");
    } finally {
      vi.useRealTimers();
    }
  });

  it("revokes older tokens when the session version is bumped by a password change", async () => {
    const { userId, accessToken } = await registerAndSignIn();
    await updateUser(userId, { passwordHash: await hashPassword("a brand new password") });
    const res = await call(me, "GET", "/api/v1/me", { token: accessToken });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("unauthenticated");
  });
});
