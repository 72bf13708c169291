import { describe, expect, it } from "vitest";
import type { Caller, Role } from "@/lib/auth/roles";
import { type AppointmentAccess, cancelDecision, canView, patchDecision } from "./permissions";

const now = new Date("2026-03-02T10:00:00Z");
const caller = (role: Role, id = `${role}-1`): Caller => ({ id, role, email: `${id}@x.test`, name: id });
const owner = caller("client", "owner");
const stranger = caller("client", "stranger");
const appointment = (over: Partial<AppointmentAccess> = {}): AppointmentAccess => ({
  ownerUserId: "owner",
  status: "booked",
  start: new Date("2026-03-02T10:01:00Z"),
  ...over,
});
const reschedule = { reschedules: true, setsStatus: false };
const status = { reschedules: false, setsStatus: true };

describe("canView", () => {
  it("lets staff see any appointment and a client only their own", () => {
    expect(canView(caller("admin"), appointment())).toBe(true);
    expect(canView(caller("manager"), appointment({ ownerUserId: null }))).toBe(true);
    expect(canView(owner, appointment())).toBe(true);
    expect(canView(stranger, appointment())).toBe(false);
  });

  it("never matches a client to an appointment whose client has no account", () => {
    expect(canView(owner, appointment({ ownerUserId: null }))).toBe(false);
  });
});

describe("cancelDecision", () => {
  it("answers not_found for someone else's appointment, so its existence does not leak", () => {
    expect(cancelDecision(stranger, appointment(), now)).toBe("not_found");
  });

  it("lets the owner cancel until the start, not from the start on", () => {
    expect(cancelDecision(owner, appointment(), now)).toBe("allowed");
    expect(cancelDecision(owner, appointment({ start: now }), now)).toBe("in_past");
  });

  it("lets staff cancel a booked appointment that has started", () => {
    expect(cancelDecision(caller("admin"), appointment({ start: new Date(0) }), now)).toBe("allowed");
  });

  it("treats cancelling a cancelled appointment as done, and refuses a completed one", () => {
    expect(cancelDecision(owner, appointment({ status: "cancelled", start: new Date(0) }), now)).toBe("allowed");
    expect(cancelDecision(caller("manager"), appointment({ status: "completed" }), now)).toBe("not_booked");
  });
});

describe("patchDecision", () => {
  it("lets the owner reschedule a future booked appointment but never set its status", () => {
    expect(patchDecision(owner, appointment(), reschedule, now)).toBe("allowed");
    expect(patchDecision(owner, appointment(), status, now)).toBe("forbidden");
    expect(patchDecision(owner, appointment({ start: now }), reschedule, now)).toBe("in_past");
  });

  it("hides someone else's appointment before judging the change", () => {
    expect(patchDecision(stranger, appointment(), status, now)).toBe("not_found");
  });

  it("lets staff mark a past appointment and refuses marking or moving a cancelled one", () => {
    const admin = caller("admin");
    expect(patchDecision(admin, appointment({ start: new Date(0) }), status, now)).toBe("allowed");
    expect(patchDecision(admin, appointment({ status: "cancelled" }), status, now)).toBe("not_booked");
    expect(patchDecision(admin, appointment({ status: "no_show" }), reschedule, now)).toBe("not_booked");
  });

  it("lets staff change notes alone on any appointment", () => {
    const notesOnly = { reschedules: false, setsStatus: false };
    expect(patchDecision(caller("admin"), appointment({ status: "cancelled" }), notesOnly, now)).toBe("allowed");
  });
});

describe("a worker and their worker record's appointments", () => {
  const worker = { ...caller("worker", "specialist"), ownWorkerId: "w-1" };
  const unlinked = { ...caller("worker", "specialist-2"), ownWorkerId: null };
  const theirs = (over: Partial<AppointmentAccess> = {}) => appointment({ workerId: "w-1", ...over });
  const started = { start: now };
  const complete = { reschedules: false, setsStatus: true, status: "completed" };
  const notesOnly = { reschedules: false, setsStatus: false };

  it("sees their worker's appointments, not another worker's, and nothing without a linked record", () => {
    expect(canView(worker, theirs())).toBe(true);
    expect(canView(worker, appointment({ workerId: "w-2" }))).toBe(false);
    expect(canView(unlinked, appointment({ workerId: null }))).toBe(false);
    expect(canView(caller("client", "specialist"), theirs())).toBe(false);
  });

  it("marks completed or no-show from the start on (not before), never back to booked", () => {
    expect(patchDecision(worker, theirs(started), complete, now)).toBe("allowed");
    expect(patchDecision(worker, theirs(started), { ...complete, status: "no_show" }, now)).toBe("allowed");
    expect(patchDecision(worker, theirs(), complete, now)).toBe("not_started");
    expect(patchDecision(worker, theirs(started), { ...complete, status: "booked" }, now)).toBe("forbidden");
    expect(patchDecision(worker, theirs({ ...started, status: "cancelled" }), complete, now)).toBe("not_booked");
  });

  it("annotates any of them, moves and cancels none", () => {
    expect(patchDecision(worker, theirs({ status: "completed" }), notesOnly, now)).toBe("allowed");
    expect(patchDecision(worker, theirs(), reschedule, now)).toBe("forbidden");
    expect(cancelDecision(worker, theirs(), now)).toBe("forbidden");
    expect(cancelDecision(worker, appointment({ workerId: "w-2" }), now)).toBe("not_found");
  });

  it("is a client for their own bookings", () => {
    const booked = appointment({ ownerUserId: "specialist", workerId: "w-9" });
    expect(patchDecision(worker, booked, reschedule, now)).toBe("allowed");
    expect(cancelDecision(worker, booked, now)).toBe("allowed");
    expect(patchDecision(worker, booked, complete, now)).toBe("forbidden");
  });
});
