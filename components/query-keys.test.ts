import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { aboutWorker, queryKeys } from "./query-keys";

/** The keys of the queries an invalidation with these filters marks stale, in a cache holding `keys`. */
function invalidated(keys: readonly (readonly unknown[])[], filters: Parameters<QueryClient["invalidateQueries"]>[0]) {
  const client = new QueryClient();
  for (const key of keys) client.setQueryData(key, 1);
  return client
    .getQueryCache()
    .findAll(filters)
    .map((q) => q.queryKey);
}

const worker = "6f1c0d5e-0000-4000-8000-000000000001";
const other = "6f1c0d5e-0000-4000-8000-000000000002";

describe("query keys", () => {
  it("appointments.all reaches the board, a client's list and the client's own, not one appointment", () => {
    const keys = [
      queryKeys.appointments.board("2026-03-02", "zone:Europe/Moscow"),
      queryKeys.appointments.ofClient("c1"),
      queryKeys.appointments.mine("2026-03-01T00:00:00.000Z"),
      queryKeys.appointment("a1"),
    ];
    expect(invalidated(keys, { queryKey: queryKeys.appointments.all })).toEqual(keys.slice(0, 3));
  });

  it("slots.all reaches the client's slots (by slug) and the desk's (by id); one day's key only that day", () => {
    const keys = [queryKeys.slots.day("anna", "cut", "2026-03-02"), queryKeys.slots.day(worker, "s1", "2026-03-02")];
    expect(invalidated(keys, { queryKey: queryKeys.slots.all })).toEqual(keys);
    expect(invalidated(keys, { queryKey: queryKeys.slots.day("anna", "cut", "2026-03-02") })).toEqual([keys[0]]);
  });

  it("a collection's all reaches each of its lists, whatever the parameters, and no other collection", () => {
    const keys = [
      queryKeys.catalog.list("workers", {}),
      queryKeys.catalog.list("workers", { location: "l1", specialty: "" }),
      queryKeys.catalog.list("services", {}),
      queryKeys.clients.search("ann", 8),
    ];
    expect(invalidated(keys, { queryKey: queryKeys.catalog.all("workers") })).toEqual(keys.slice(0, 2));
    expect(invalidated(keys, { queryKey: queryKeys.clients.all })).toEqual([keys[3]]);
  });

  it("aboutWorker reaches the worker's shifts, time off, weekly schedule, board day and slots, not another's", () => {
    const mine = [
      queryKeys.shifts(worker, "2026-03-02"),
      queryKeys.timeOff.week(worker, "2026-03-02"),
      queryKeys.timeOff.upcoming(worker),
      queryKeys.weeklySchedule(worker),
      queryKeys.workerDay.day(worker, "2026-03-02"),
      queryKeys.slots.day(worker, "s1", "2026-03-02"),
    ];
    const theirs = [queryKeys.shifts(other, "2026-03-02"), queryKeys.weeklySchedule(other)];
    expect(invalidated([...mine, ...theirs], aboutWorker(worker))).toEqual(mine);
  });

  it("workerDay.all reaches every worker's board day", () => {
    const keys = [queryKeys.workerDay.day(worker, "2026-03-02"), queryKeys.workerDay.day(other, "2026-03-03")];
    expect(invalidated(keys, { queryKey: queryKeys.workerDay.all })).toEqual(keys);
  });
});
