// Who may do what in the catalog (API.md "Catalog"): anyone reads, only a manager writes.
import { describe, expect, it } from "vitest";
import * as locationItem from "@/app/api/v1/locations/[ref]/route";
import * as locationList from "@/app/api/v1/locations/route";
import * as serviceItem from "@/app/api/v1/services/[ref]/route";
import * as serviceList from "@/app/api/v1/services/route";
import * as specialtyItem from "@/app/api/v1/specialties/[ref]/route";
import * as specialtyList from "@/app/api/v1/specialties/route";
import * as workerItem from "@/app/api/v1/workers/[ref]/route";
import * as workerList from "@/app/api/v1/workers/route";
import { type Callers, withCallers } from "@/testing/catalog";
import { makeLocation, makeService, makeSpecialty, makeWorker } from "@/testing/fixtures";
import { call } from "@/testing/http";

const callers = withCallers();

type Resource = {
  path: string;
  list: typeof locationList;
  item: typeof locationItem;
  make: () => Promise<{ id: string; slug: string; name: string }>;
  create: (n: number) => Record<string, unknown>;
};

const resources: Resource[] = [
  {
    path: "locations",
    list: locationList,
    item: locationItem,
    make: () => makeLocation(),
    create: (n) => ({ name: `Access location ${n}`, timezone: "Europe/Moscow" }),
  },
  {
    path: "specialties",
    list: specialtyList,
    item: specialtyItem,
    make: () => makeSpecialty(),
    create: (n) => ({ name: `Access specialty ${n}` }),
  },
  {
    path: "services",
    list: serviceList,
    item: serviceItem,
    make: () => makeService(),
    create: (n) => ({ name: `Access service ${n}`, durationMinutes: 30, price: 100 }),
  },
  {
    path: "workers",
    list: workerList,
    item: workerItem,
    make: () => makeWorker(),
    create: (n) => ({ name: `Access worker ${n}` }),
  },
];

const writers = [
  ["anonymous", 401, "unauthenticated"],
  ["client", 403, "forbidden"],
  ["admin", 403, "forbidden"],
] as const;

let counter = 0;

describe.each(resources)("/api/v1/$path", ({ path, list, item, make, create }) => {
  const url = `/api/v1/${path}`;
  const tokenOf = (who: "anonymous" | keyof Callers) => (who === "anonymous" ? undefined : callers[who]);

  it.each(["anonymous", "client", "admin", "manager"] as const)(
    "%s reads the list and one by id and by slug",
    async (who) => {
      const record = await make();
      const token = tokenOf(who);
      const page = await call(list.GET, "GET", `${url}?limit=200`, { token });
      expect(page.status).toBe(200);
      expect(page.json.items.map((i: { id: string }) => i.id)).toContain(record.id);
      for (const ref of [record.id, record.slug]) {
        const one = await call(item.GET, "GET", `${url}/${ref}`, { token, params: { ref } });
        expect(one.status).toBe(200);
        expect(one.json).toMatchObject({ id: record.id, slug: record.slug });
      }
    },
  );

  it.each(writers)("%s may not create, change or delete (%i %s)", async (who, status, code) => {
    const record = await make();
    const token = tokenOf(who);
    const params = { ref: record.slug };
    const answers = [
      await call(list.POST, "POST", url, { token, body: create(++counter) }),
      await call(item.PATCH, "PATCH", `${url}/${record.slug}`, { token, params, body: { name: "Renamed" } }),
      await call(item.DELETE, "DELETE", `${url}/${record.slug}`, { token, params }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(status);
      expect(res.json.error.code).toBe(code);
    }
    const unchanged = await call(item.GET, "GET", `${url}/${record.id}`, { params: { ref: record.id } });
    expect(unchanged.status).toBe(200);
    expect(unchanged.json.name).toBe(record.name);
  });

  it("a manager creates (201), changes (200) and deletes (204, empty) a record", async () => {
    const token = callers.manager;
    const created = await call(list.POST, "POST", url, { token, body: create(++counter) });
    expect(created.status).toBe(201);
    const ref = created.json.slug as string;
    const changed = await call(item.PATCH, "PATCH", `${url}/${ref}`, {
      token,
      params: { ref },
      body: { name: "Renamed" },
    });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ id: created.json.id, slug: ref, name: "Renamed" });
    const deleted = await call(item.DELETE, "DELETE", `${url}/${ref}`, { token, params: { ref } });
    expect(deleted.status).toBe(204);
    expect(deleted.json).toBeNull();
    const gone = await call(item.GET, "GET", `${url}/${ref}`, { params: { ref } });
    expect(gone.status).toBe(404);
  });

  it("answers 404 not_found for an unknown id or slug, on every method", async () => {
    const token = callers.manager;
    for (const ref of ["no-such-record", "00000000-0000-4000-8000-000000000000"]) {
      const params = { ref };
      const answers = [
        await call(item.GET, "GET", `${url}/${ref}`, { params }),
        await call(item.PATCH, "PATCH", `${url}/${ref}`, { token, params, body: { name: "X" } }),
        await call(item.DELETE, "DELETE", `${url}/${ref}`, { token, params }),
      ];
      for (const res of answers) {
        expect(res.status).toBe(404);
        expect(res.json.error.code).toBe("not_found");
      }
    }
  });

  it("pages lists with limit and offset in a stable order, and refuses a limit over 200", async () => {
    await Promise.all([make(), make(), make()]);
    const all = await call(list.GET, "GET", `${url}?limit=200`);
    const ids = all.json.items.map((i: { id: string }) => i.id);
    const first = await call(list.GET, "GET", `${url}?limit=2`);
    const second = await call(list.GET, "GET", `${url}?limit=2&offset=2`);
    expect([...first.json.items, ...second.json.items].map((i: { id: string }) => i.id)).toEqual(ids.slice(0, 4));
    const tooMany = await call(list.GET, "GET", `${url}?limit=201`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.details.issues[0].path).toBe("limit");
  });
});
