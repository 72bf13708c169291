// A room page's URL: the day lives in it, and a booking refused without script comes back to it
// with the reason, so the page can say why next to the form.
import { z } from "zod";
import { query } from "./api-client";

export const ROOM_REFUSALS = ["slot_taken", "client_busy", "in_past", "not_available", "invalid", "failed"] as const;
export type RoomRefusal = (typeof ROOM_REFUSALS)[number];

/** A hand-edited reason is ignored rather than turning the page into an error. */
export const roomRefusalSchema = z.enum(ROOM_REFUSALS).optional().catch(undefined);

export const roomPath = (room: string, search: { date: string; refused?: RoomRefusal }) =>
  `/rooms/${encodeURIComponent(room)}${query(search)}`;
