// A retry with the same Idempotency-Key answers the stored booking even when what it named has gone
// since: the worker deactivated, the service retired. The stored answer is looked up before the
// target is resolved again.
import { describe, expect, it } from "vitest";
import * as serviceRoute from "@/app/api/v1/services/[ref]/route";
import * as workerRoute from "@/app/api/v1/workers/[ref]/route";
import { appointmentsApi as api, bookingScene } from "@/testing/booking";
import { call } from "@/testing/http";

const patchWorker = (token: string, ref: string, body: unknown) =>
  call(workerRoute.PATCH, "PATCH", `/api/v1/workers/${ref}`, { token, params: { ref }, body });

const patchService = (token: string, ref: string, body: unknown) =>
  call(serviceRoute.PATCH, "PATCH", `/api/v1/services/${ref}`, { token, params: { ref }, body });

describe("Idempotency-Key after the target is gone", () => {
  it("replays the first booking after its worker was deactivated", async () => {
    const s = await bookingScene();
    const headers = { "idempotency-key": crypto.randomUUID() };
    const first = await api.create(s.client.token, s.slot(0), headers);
    expect(first.status).toBe(201);
    expect((await patchWorker(s.manager.token, s.worker.id, { active: false })).status).toBe(200);

    const retry = await api.create(s.client.token, s.slot(0), headers);
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual(first.json);
    expect(retry.headers.get("idempotency-replayed")).toBe("true");
    // The same key with another body is still refused as reused; without a key the worker is gone.
    const other = await api.create(s.client.token, s.slot(60), headers);
    expect(other.status).toBe(422);
    expect(other.json.error.code).toBe("idempotency_key_reused");
    expect((await api.create(s.client.token, s.slot(0))).status).toBe(404);
    // Another caller's identical key is not theirs to replay.
    expect((await api.create(s.otherClient.token, s.slot(0), headers)).status).toBe(404);
  });

  it("replays the first booking after its service was retired", async () => {
    const s = await bookingScene();
    const headers = { "idempotency-key": crypto.randomUUID() };
    const first = await api.create(s.client.token, s.slot(0), headers);
    expect(first.status).toBe(201);
    expect((await patchService(s.manager.token, s.service.id, { active: false })).status).toBe(200);

    const retry = await api.create(s.client.token, s.slot(0), headers);
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual(first.json);
    expect(retry.headers.get("idempotency-replayed")).toBe("true");
  });

  it("still answers a key never used with the refusal", async () => {
    const s = await bookingScene();
    expect((await patchWorker(s.manager.token, s.worker.id, { active: false })).status).toBe(200);
    const res = await api.create(s.client.token, s.slot(0), { "idempotency-key": crypto.randomUUID() });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("not_found");
  });
});
