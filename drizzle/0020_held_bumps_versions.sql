-- Hand-written. drizzle/0008's function, with `held` among the columns whose change bumps the
-- schedule versions of the row's worker and location: slot lists are computed from held intervals
-- (drizzle/0017), and a staff booking into buffers shortens a neighbour's held interval alone
-- (db/queries/booking.ts trimHeldAround), which must reach the cached slot lists like any booking.
CREATE OR REPLACE FUNCTION "appointments_bump_schedule_versions"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "changed_workers" uuid[];
  "changed_locations" uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "bump_schedule_versions"(ARRAY(SELECT "worker_id" FROM "new_rows"), ARRAY(SELECT "location_id" FROM "new_rows"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "bump_schedule_versions"(ARRAY(SELECT "worker_id" FROM "old_rows"), ARRAY(SELECT "location_id" FROM "old_rows"));
  ELSE
    -- The workers and locations, before and after, of the rows whose booking changed.
    SELECT array_agg("k"."worker_id"), array_agg("k"."location_id") INTO "changed_workers", "changed_locations"
    FROM "old_rows" AS "o" JOIN "new_rows" AS "n" ON "n"."id" = "o"."id",
      unnest(ARRAY["o"."worker_id", "n"."worker_id"], ARRAY["o"."location_id", "n"."location_id"])
        AS "k"("worker_id", "location_id")
    WHERE ("o"."status", "o"."during", "o"."held", "o"."worker_id", "o"."location_id")
      IS DISTINCT FROM ("n"."status", "n"."during", "n"."held", "n"."worker_id", "n"."location_id");
    PERFORM "bump_schedule_versions"(coalesce("changed_workers", '{}'), coalesce("changed_locations", '{}'));
  END IF;
  RETURN NULL;
END;
$$;
