-- Every transaction that changes what a worker's slots are computed from bumps schedule_versions in
-- the same transaction: the counter of each worker and each location whose shifts, time off or
-- booked appointments it changed. An app instance that remembers a slot list
-- (lib/availability/slot-lists.ts) reads those counters with one cheap query and recomputes when any
-- moved, whichever instance, script or SQL session made the change. The triggers are per statement,
-- over transition tables, so a bulk write bumps each key once.
--
-- Lock order: a bump holds the counter rows until commit. Every statement takes worker keys before
-- location keys, each in id order, and every transaction that bumps in several statements touches
-- its worker first, so two writers never wait on each other in opposite orders.
CREATE FUNCTION "bump_schedule_versions"("worker_ids" uuid[], "location_ids" uuid[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "schedule_versions" AS "v" ("key", "version")
  SELECT "key", 1 FROM (
    SELECT "key", 0 AS "rank" FROM unnest("worker_ids") AS "key"
    UNION ALL
    SELECT "key", 1 AS "rank" FROM unnest("location_ids") AS "key"
  ) AS "keys"
  WHERE "key" IS NOT NULL
  GROUP BY "key"
  ORDER BY min("rank"), "key"
  ON CONFLICT ("key") DO UPDATE SET "version" = "v"."version" + 1;
$$;
--> statement-breakpoint
CREATE FUNCTION "shifts_bump_schedule_versions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "bump_schedule_versions"(ARRAY(SELECT "worker_id" FROM "new_rows"), ARRAY(SELECT "location_id" FROM "new_rows"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "bump_schedule_versions"(ARRAY(SELECT "worker_id" FROM "old_rows"), ARRAY(SELECT "location_id" FROM "old_rows"));
  ELSE
    PERFORM "bump_schedule_versions"(
      ARRAY(SELECT "worker_id" FROM "old_rows" UNION SELECT "worker_id" FROM "new_rows"),
      ARRAY(SELECT "location_id" FROM "old_rows" UNION SELECT "location_id" FROM "new_rows"));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "shifts_bump_schedule_versions_insert" AFTER INSERT ON "shifts"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "shifts_bump_schedule_versions"();
--> statement-breakpoint
CREATE TRIGGER "shifts_bump_schedule_versions_update" AFTER UPDATE ON "shifts"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "shifts_bump_schedule_versions"();
--> statement-breakpoint
CREATE TRIGGER "shifts_bump_schedule_versions_delete" AFTER DELETE ON "shifts"
  REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "shifts_bump_schedule_versions"();
--> statement-breakpoint
CREATE FUNCTION "time_off_bump_schedule_versions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "bump_schedule_versions"(ARRAY(SELECT "worker_id" FROM "new_rows"), '{}');
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "bump_schedule_versions"(ARRAY(SELECT "worker_id" FROM "old_rows"), '{}');
  ELSE
    PERFORM "bump_schedule_versions"(ARRAY(SELECT "worker_id" FROM "old_rows" UNION SELECT "worker_id" FROM "new_rows"), '{}');
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "time_off_bump_schedule_versions_insert" AFTER INSERT ON "time_off"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "time_off_bump_schedule_versions"();
--> statement-breakpoint
CREATE TRIGGER "time_off_bump_schedule_versions_update" AFTER UPDATE ON "time_off"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "time_off_bump_schedule_versions"();
--> statement-breakpoint
CREATE TRIGGER "time_off_bump_schedule_versions_delete" AFTER DELETE ON "time_off"
  REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "time_off_bump_schedule_versions"();
--> statement-breakpoint
-- Appointments: inserts and deletes always count; an update only when it changes the status, the
-- interval, the worker or the location (not for notes alone).
CREATE FUNCTION "appointments_bump_schedule_versions"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    WHERE ("o"."status", "o"."during", "o"."worker_id", "o"."location_id")
      IS DISTINCT FROM ("n"."status", "n"."during", "n"."worker_id", "n"."location_id");
    PERFORM "bump_schedule_versions"(coalesce("changed_workers", '{}'), coalesce("changed_locations", '{}'));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "appointments_bump_schedule_versions_insert" AFTER INSERT ON "appointments"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "appointments_bump_schedule_versions"();
--> statement-breakpoint
CREATE TRIGGER "appointments_bump_schedule_versions_update" AFTER UPDATE ON "appointments"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "appointments_bump_schedule_versions"();
--> statement-breakpoint
CREATE TRIGGER "appointments_bump_schedule_versions_delete" AFTER DELETE ON "appointments"
  REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "appointments_bump_schedule_versions"();
--> statement-breakpoint
-- Emptying one of these tables whole (db:reset, tests) moves catalog_version, which every remembered
-- slot list also checks.
CREATE TRIGGER "shifts_truncate_bump_catalog_version" AFTER TRUNCATE ON "shifts"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalog_version"();
--> statement-breakpoint
CREATE TRIGGER "time_off_truncate_bump_catalog_version" AFTER TRUNCATE ON "time_off"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalog_version"();
--> statement-breakpoint
CREATE TRIGGER "appointments_truncate_bump_catalog_version" AFTER TRUNCATE ON "appointments"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalog_version"();
