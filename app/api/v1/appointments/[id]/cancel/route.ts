import type { NextRequest } from "next/server";
import { route } from "@/lib/api/handler";
import { cancelAppointment } from "@/lib/booking/change";
import { cancelByToken } from "@/lib/booking/guest-manage";
import { presentedManageToken } from "@/lib/booking/manage-token";
import { idParamsSchema } from "@/lib/validation/common";

type Context = { params: Promise<Record<string, string | string[]>> };
const tokenOf = (req: NextRequest) => presentedManageToken(req.headers, req.nextUrl.searchParams);

// The owner client (before it starts) or staff; or, with the manage-link token (X-Manage-Token
// header, or ?token=), the guest. The interval is free again as this answers.
const asCaller = route({ role: "client", params: idParamsSchema }, async ({ caller, params }) =>
  cancelAppointment(caller, params.id, new Date()),
);
const withToken = route({ params: idParamsSchema }, async ({ req, params }) =>
  cancelByToken(tokenOf(req) ?? "", params.id, new Date()),
);
export const POST = (req: NextRequest, ctx: Context) =>
  tokenOf(req) === null ? asCaller(req, ctx) : withToken(req, ctx);
