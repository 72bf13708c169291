-- Hand-written: the guarantees drizzle-kit cannot express. The database itself refuses a double
-- booking or a double shift, whatever the application does; the API turns violations into 409.

-- One worker cannot be in two shifts at once.
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_worker_no_overlap"
  EXCLUDE USING gist ("worker_id" WITH =, "during" WITH &&);
--> statement-breakpoint
-- A workplace (a chair, a cabinet) hosts one worker at a time. Rooms are booked directly instead.
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_workplace_no_overlap"
  EXCLUDE USING gist ("location_id" WITH =, "during" WITH &&) WHERE ("location_kind" = 'workplace');
--> statement-breakpoint
-- A worker serves one booked appointment at a time.
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_worker_no_overlap"
  EXCLUDE USING gist ("worker_id" WITH =, "during" WITH &&) WHERE ("status" = 'booked');
--> statement-breakpoint
-- A location (a workplace, or a room booked without a worker) holds one booked appointment at a time.
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_location_no_overlap"
  EXCLUDE USING gist ("location_id" WITH =, "during" WITH &&) WHERE ("status" = 'booked');
--> statement-breakpoint
-- "Rows of this worker on this day": the exclusion constraints above already index
-- (worker_id, during) for shifts and booked appointments; time off needs its own.
CREATE INDEX "time_off_worker_during_idx" ON "time_off" USING gist ("worker_id", "during");
--> statement-breakpoint
-- Slots of a location (rooms, and the location's busy view) read its shifts by range as well.
CREATE INDEX "shifts_location_during_idx" ON "shifts" USING gist ("location_id", "during");
--> statement-breakpoint
-- shifts.location_kind always mirrors the location's kind: filled in here on insert or move, kept in
-- step afterwards by the cascading (location_id, location_kind) foreign key.
CREATE FUNCTION "shifts_fill_location_kind"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT "kind" INTO NEW."location_kind" FROM "locations" WHERE "id" = NEW."location_id";
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "shifts_fill_location_kind" BEFORE INSERT OR UPDATE OF "location_id" ON "shifts"
  FOR EACH ROW EXECUTE FUNCTION "shifts_fill_location_kind"();
