// A booking and a deletion of the same client racing: the booking holds the client row (lockClient),
// so the deletion either waits and then sees the new appointment, or goes first and the booking
// finds no client. Nothing booked is ever lost. The race itself needs real PostgreSQL.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createClient, lockClient } from "@/db/queries/clients";
import { appointments, clients } from "@/db/schema";
import { hoursAhead } from "@/testing/catalog";
import { makeLocation, userWithToken } from "@/testing/fixtures";
import { deleteClientRecord } from "./delete-client";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("deleting a client while they are being booked", () => {
  it("a booking that comes after the deletion finds no client to book for", async () => {
    const db = await getDb();
    const { user } = await userWithToken("admin");
    const location = await makeLocation();
    const gone = await createClient(db, { name: "Gone First" });
    expect(await deleteClientRecord(gone.id, user.id)).toBe("deleted");
    const erased = await createClient(db, { name: "Erased First" });
    await db.insert(appointments).values({ locationId: location.id, clientId: erased.id, ...hoursAhead(-3, -2) });
    expect(await deleteClientRecord(erased.id, user.id)).toBe("erased");
    for (const { id } of [gone, erased]) expect(await db.transaction((tx) => lockClient(tx, id))).toBeUndefined();
  });

  describe.runIf(Boolean(process.env.DATABASE_URL))("concurrently (PostgreSQL)", () => {
    it("a deletion that starts while a booking holds the client waits, then refuses with the booking", async () => {
      const db = await getDb();
      const { user } = await userWithToken("admin");
      const location = await makeLocation();
      const client = await createClient(db, { name: "Racing Client" });
      let deletion: Promise<unknown> | undefined;
      await db.transaction(async (tx) => {
        expect(await lockClient(tx, client.id)).toBeDefined();
        deletion = deleteClientRecord(client.id, user.id).catch((err: unknown) => err);
        // Give the deletion time to reach the row lock; it must still be waiting when we book.
        await pause(200);
        await tx.insert(appointments).values({ locationId: location.id, clientId: client.id, ...hoursAhead(24, 25) });
      });
      expect(await deletion).toMatchObject({ code: "has_appointments" });
      const [row] = await db.select().from(clients).where(eq(clients.id, client.id));
      expect(row?.name).toBe("Racing Client");
    });
  });
});
