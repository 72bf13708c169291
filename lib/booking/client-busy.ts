// 409 client_busy lists the client's appointments in the way (API.md v1 extensions): ids alone to
// staff, who can open them; the client's own, with their times in the location's zone, to the client.
import { getDb } from "@/db/client";
import { clientAppointmentsDuring } from "@/db/queries/booking";
import { type Caller, isStaff } from "@/lib/auth/roles";
import { intervalJson } from "@/lib/availability/calendar";
import type { Interval } from "@/lib/availability/intervals";
import { AppError, clientBusy } from "@/lib/errors";

/**
 * `err` with the list filled in when it is a client_busy of `clientId`'s; read after the refused
 * transaction rolled back, so it shows what holds the time now (possibly nothing any more).
 */
export async function withClientBusyDetails(
  err: unknown,
  caller: Caller,
  clientId: string | undefined,
  interval: Interval,
  exceptId?: string,
): Promise<unknown> {
  if (!(err instanceof AppError) || err.code !== "client_busy" || !clientId) return err;
  const rows = await clientAppointmentsDuring(await getDb(), clientId, interval, exceptId);
  return clientBusy(
    isStaff(caller.role)
      ? rows.map(({ id }) => ({ id }))
      : rows.map(({ id, timeZone, ...interval }) => ({ id, ...intervalJson(interval, timeZone) })),
  );
}
