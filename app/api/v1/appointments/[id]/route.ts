import type { NextRequest } from "next/server";
import { route } from "@/lib/api/handler";
import { changeAppointment } from "@/lib/booking/change";
import { readByToken, rescheduleByToken } from "@/lib/booking/guest-manage";
import { presentedManageToken } from "@/lib/booking/manage-token";
import { visibleAppointment } from "@/lib/booking/read";
import { toAppointmentJson } from "@/lib/contract";
import { appointmentPatchSchema } from "@/lib/validation/appointments";
import { idParamsSchema } from "@/lib/validation/common";

type Context = { params: Promise<Record<string, string | string[]>> };
const tokenOf = (req: NextRequest) => presentedManageToken(req.headers, req.nextUrl.searchParams);

// A manage-link token (X-Manage-Token header, or ?token=) opens that one appointment to a guest,
// whoever calls; without one, the caller's own role decides as before.
const readAsCaller = route({ role: "client", params: idParamsSchema }, async ({ caller, params }) =>
  toAppointmentJson(await visibleAppointment(caller, params.id)),
);
const readWithToken = route({ params: idParamsSchema }, async ({ req, params }) =>
  readByToken(tokenOf(req) ?? "", params.id, new Date()),
);
export const GET = (req: NextRequest, ctx: Context) =>
  tokenOf(req) === null ? readAsCaller(req, ctx) : readWithToken(req, ctx);

// Reschedules (start, end, workerId) under the booking rules, atomically, or sets status/notes; with a
// token, moves the appointment (`start` only).
const patchAsCaller = route(
  { role: "client", params: idParamsSchema, body: appointmentPatchSchema },
  async ({ caller, params, body }) => changeAppointment(caller, params.id, body, new Date()),
);
const patchWithToken = route({ params: idParamsSchema, body: appointmentPatchSchema }, async ({ req, params, body }) =>
  rescheduleByToken(tokenOf(req) ?? "", params.id, body, new Date()),
);
export const PATCH = (req: NextRequest, ctx: Context) =>
  tokenOf(req) === null ? patchAsCaller(req, ctx) : patchWithToken(req, ctx);
