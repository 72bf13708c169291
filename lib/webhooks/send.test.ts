// The sender against a real HTTP receiver on 127.0.0.1: what arrives verifies with standardwebhooks'
// own Webhook.verify, a slow receiver is a timeout, a redirect is reported and not followed, and
// loopback is refused unless private targets are allowed (checked before connecting, and for names
// on every resolved address).
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { type Receiver, startReceiver } from "@/testing/webhook-receiver";
import { generateWebhookSecret } from "./secret";
import { sendWebhookRequest } from "./send";
import { signWebhook } from "./sign";

const receivers: Receiver[] = [];
const receiver = async (respond?: Receiver["respond"]) => {
  const r = await startReceiver(respond);
  receivers.push(r);
  return r;
};
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

const body = JSON.stringify({ type: "webhook.test", timestamp: new Date().toISOString(), data: { n: 1 } });
const allow = { allowPrivate: true };

describe("sendWebhookRequest", () => {
  it("POSTs the body with Standard Webhooks headers that verify with the secret", async () => {
    const r = await receiver();
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const result = await sendWebhookRequest(r.url, signWebhook(secret, "msg_1", body, new Date()), body, allow);
    expect(result).toMatchObject({ ok: true, statusCode: 200, error: null });
    const [got] = r.received;
    expect(got?.method).toBe("POST");
    expect(got?.headers["content-type"]).toBe("application/json");
    expect(got?.headers["webhook-id"]).toBe("msg_1");
    expect(got?.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(got?.body).toBe(body);
    expect(new Webhook(secret).verify(got?.body as string, got?.headers as Record<string, string>)).toEqual(
      JSON.parse(body),
    );
    // Another secret, or a changed body, does not verify.
    expect(() =>
      new Webhook(generateWebhookSecret()).verify(got?.body as string, got?.headers as Record<string, string>),
    ).toThrow();
    expect(() => new Webhook(secret).verify(`${got?.body} `, got?.headers as Record<string, string>)).toThrow();
  });

  it("counts a non-2xx answer as a failure, with its status and the start of its body", async () => {
    const r = await receiver(() => ({ status: 503, body: "busy\r\nnow" }));
    const result = await sendWebhookRequest(r.url, {}, body, allow);
    expect(result).toMatchObject({ ok: false, statusCode: 503, error: "HTTP 503: busy now" });
  });

  it("gives up on a receiver slower than the time limit", async () => {
    const r = await receiver(() => ({ status: 200, delayMs: 5_000 }));
    const started = Date.now();
    const result = await sendWebhookRequest(r.url, {}, body, { ...allow, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(result).toMatchObject({ ok: false, statusCode: null, error: "Timed out after 0.3 s." });
    expect(r.received).toHaveLength(1);
  });

  it("does not follow a redirect, even to a receiver that would accept", async () => {
    const target = await receiver();
    const r = await receiver(() => ({ status: 307, headers: { location: target.url } }));
    const result = await sendWebhookRequest(r.url, {}, body, allow);
    expect(result).toMatchObject({ ok: false, statusCode: 307, error: `Redirect to ${target.url} not followed.` });
    expect(target.received).toHaveLength(0);
    const moved = await receiver(() => ({ status: 301 }));
    expect(await sendWebhookRequest(moved.url, {}, body, allow)).toMatchObject({ ok: false, statusCode: 301 });
  });

  it("refuses loopback and private targets unless allowed, before any connection", async () => {
    const r = await receiver();
    const port = new URL(r.url).port;
    for (const url of [r.url, `http://localhost:${port}/hook`, `http://[::ffff:127.0.0.1]:${port}/hook`]) {
      const result = await sendWebhookRequest(url, {}, body, { allowPrivate: false });
      expect(result.ok, url).toBe(false);
      expect(result.statusCode, url).toBeNull();
      expect(result.error, url).toMatch(/^Refused: .*loopback, private or reserved address/);
    }
    expect(r.received).toHaveLength(0);
    // Allowed, the same name reaches the receiver.
    expect((await sendWebhookRequest(`http://localhost:${port}/hook`, {}, body, allow)).ok).toBe(true);
  });

  it("refuses other schemes and reports a refused connection", async () => {
    expect((await sendWebhookRequest("ftp://example.test/x", {}, body, allow)).error).toBe(
      "Only http and https URLs are allowed.",
    );
    const r = await receiver();
    const url = r.url;
    await r.close();
    receivers.pop();
    expect(await sendWebhookRequest(url, {}, body, allow)).toMatchObject({
      ok: false,
      statusCode: null,
      error: "The connection was refused.",
    });
  });
});
