// GET and PATCH /business (API.md v1 extensions "Business profile and policies"). The policy binds
// clients' bookings and changes (lib/booking/policy-check.ts: minimum notice, cut-offs, the upcoming
// limit; allowClientOverlap is copied onto each booking, drizzle/0010), the slot lists offered to
// clients leave out starts inside the notice (lib/availability/notice.ts), reminders are planned by
// lib/notifications, and defaultTimezone gives a new location its zone.
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { BUSINESS_ID, type BusinessValues, lockBusiness, readBusiness, saveBusiness } from "@/db/queries/business";
import { requireAcceptedTimeZone } from "@/lib/catalog/time-zones";
import { type Business, toBusinessJson } from "@/lib/contract/business";
import type { BusinessPatch } from "@/lib/validation/business";
import { forgetOfferedPolicy } from "./policy";

const toValues = ({ policy, ...profile }: Business): BusinessValues => ({ ...profile, ...policy });

export async function getBusiness(): Promise<Business> {
  return toBusinessJson(await readBusiness(await getDb()));
}

/** The zone a new location gets when none is given: the business's, UTC until it is set up. */
export async function defaultTimeZone(): Promise<string> {
  return (await getBusiness()).defaultTimezone;
}

/** The business's zone once a manager has set the business up; undefined until then. */
export async function setUpTimeZone(): Promise<string | undefined> {
  return (await readBusiness(await getDb()))?.defaultTimezone;
}

/**
 * Changes the fields given (the first change writes the row, from the defaults), audited as
 * "business.update" with the whole profile before and after.
 */
export async function patchBusiness(patch: BusinessPatch, actorId: string): Promise<Business> {
  // The schema checks the zone as the runtime can; whether the database knows it is asked here.
  if (patch.defaultTimezone !== undefined) await requireAcceptedTimeZone(patch.defaultTimezone, "defaultTimezone");
  const db = await getDb();
  const saved = await db.transaction(async (tx) => {
    const before = toBusinessJson(await lockBusiness(tx));
    const { policy, ...profile } = patch;
    const after = toBusinessJson(
      await saveBusiness(tx, toValues({ ...before, ...profile, policy: { ...before.policy, ...policy } })),
    );
    await recordAudit(tx, {
      actorId,
      action: "business.update",
      entity: "business",
      entityId: String(BUSINESS_ID),
      before,
      after,
    });
    return after;
  });
  await forgetOfferedPolicy();
  return saved;
}
