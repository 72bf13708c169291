-- Hand-written: service buffers (issue #16). An appointment's own start_at/end_at stay the client's
-- time; the worker and the location are held for `held`, that interval widened by the service's
-- buffer_before_minutes/buffer_after_minutes (columns added by drizzle/0015). The worker and location
-- exclusion constraints and the slot lists count `held`; the client's constraint (drizzle/0010) stays
-- on the client's own `during`.
--
-- `held` is filled here, in the database, from the service's buffers at the moment of the insert, or
-- of a change of the times, the service or buffers_overridden, whoever writes the row. A row whose
-- buffers_overridden is set (staff booked into a buffer on purpose, audited by the app) holds only its
-- own interval. Buffers are whole minutes of elapsed time, so a DST change inside them changes nothing.
CREATE FUNCTION "appointments_fill_held"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  before_minutes integer := 0;
  after_minutes integer := 0;
BEGIN
  IF NOT NEW."buffers_overridden" AND NEW."service_id" IS NOT NULL THEN
    SELECT "buffer_before_minutes", "buffer_after_minutes" INTO before_minutes, after_minutes
    FROM "services" WHERE "id" = NEW."service_id";
  END IF;
  NEW."held" := tstzrange(
    NEW."start_at" - make_interval(mins => coalesce(before_minutes, 0)),
    NEW."end_at" + make_interval(mins => coalesce(after_minutes, 0)),
    '[)');
  RETURN NEW;
END;
$$;
--> statement-breakpoint
-- Rows booked before buffers existed hold their own interval (every service's buffers are 0 so far).
UPDATE "appointments" SET "held" = "during";
--> statement-breakpoint
CREATE TRIGGER "appointments_fill_held" BEFORE INSERT OR UPDATE OF "start_at", "end_at", "service_id", "buffers_overridden"
  ON "appointments" FOR EACH ROW EXECUTE FUNCTION "appointments_fill_held"();
--> statement-breakpoint
-- The same names as in drizzle/0002 (lib/booking/conflicts.ts tells a 409 apart by them), now over
-- the held interval: two booked appointments of one worker, or at one location, whose held intervals
-- overlap are impossible, buffers included.
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_worker_no_overlap";
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_worker_no_overlap"
  EXCLUDE USING gist ("worker_id" WITH =, "held" WITH &&) WHERE ("status" = 'booked');
--> statement-breakpoint
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_location_no_overlap";
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_location_no_overlap"
  EXCLUDE USING gist ("location_id" WITH =, "held" WITH &&) WHERE ("status" = 'booked');
--> statement-breakpoint
-- drizzle/0006's index, for the busy intervals a page of availability reads by instant: those are
-- now the held intervals.
DROP INDEX "appointments_booked_during_idx";
--> statement-breakpoint
CREATE INDEX "appointments_booked_held_idx" ON "appointments" USING gist ("held") WHERE "status" = 'booked';
