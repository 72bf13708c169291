import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, workers } from "@/db/schema";
import { catalogApi, issuePaths, withCallers } from "@/testing/catalog";
import { makeSpecialty, makeWorker } from "@/testing/fixtures";
import * as item from "./[ref]/route";
import * as collection from "./route";

const callers = withCallers();
const { list, create, patch, remove } = catalogApi("specialties", collection, item, callers);

describe("/api/v1/specialties", () => {
  it("creates with a transliterated, numbered slug and lists by name", async () => {
    const first = await create({ name: "Терапевт" });
    expect(first.status).toBe(201);
    expect(first.json).toEqual({ id: expect.any(String), slug: "terapevt", name: "Терапевт" });
    expect((await create({ name: "терапевт" })).json.slug).toBe("terapevt-2");
    expect((await create({ name: "Барбер", slug: "barber" })).json.slug).toBe("barber");
    const decomposed = await create({ name: "Йога".normalize("NFD") });
    expect(decomposed.json).toMatchObject({ name: "Йога".normalize("NFC"), slug: "yoga" });
    const names = (await list()).json.items.map((s: { name: string }) => s.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("keeps numbered slugs of long names within 80 characters", async () => {
    const name = `Специалист ${"о".repeat(120)}`;
    const slugs = [];
    for (let i = 0; i < 3; i++) slugs.push((await create({ name })).json.slug as string);
    expect(new Set(slugs).size).toBe(3);
    for (const slug of slugs) expect(slug.length).toBeLessThanOrEqual(80);
    expect(slugs[1]).toMatch(/-2$/);
  });

  it("validates the body and refuses a taken slug", async () => {
    expect(issuePaths(await create({}))).toEqual(["name"]);
    expect(issuePaths(await create({ name: "A", slug: "a--b" }))).toEqual(["slug"]);
    const taken = await makeSpecialty();
    const other = await makeSpecialty();
    const res = await patch(other.id, { slug: taken.slug });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: "already_exists", details: { field: "slug" } });
  });

  it("an empty PATCH changes nothing and still answers the specialty", async () => {
    const specialty = await makeSpecialty();
    const res = await patch(specialty.slug, {});
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ id: specialty.id, slug: specialty.slug, name: specialty.name });
  });

  it("deleting leaves its workers without a specialty, and is audited", async () => {
    const specialty = await makeSpecialty();
    const worker = await makeWorker({ specialtyId: specialty.id });
    const res = await remove(specialty.slug);
    expect(res.status).toBe(204);
    const db = await getDb();
    const [row] = await db.select().from(workers).where(eq(workers.id, worker.id));
    expect(row?.specialtyId).toBeNull();
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, specialty.id));
    expect(audit).toMatchObject({ action: "specialty.delete", before: { slug: specialty.slug } });
  });
});
