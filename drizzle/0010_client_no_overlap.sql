-- Hand-written: a client holds one booked appointment at a time (two barbers at 16:00 is a booking
-- error), unless the business allowed overlaps when the appointment was booked
-- (business.allow_client_overlap, copied to appointments.client_overlap_allowed), for a family
-- booked under one client record.
--
-- Rows already overlapping another booked row of their client were allowed by the app until now:
-- they are marked as allowed, so the constraint can be added over them and they stay as booked.
UPDATE "appointments" AS a SET "client_overlap_allowed" = true
WHERE a."status" = 'booked' AND EXISTS (
  SELECT 1 FROM "appointments" AS b
  WHERE b."client_id" = a."client_id" AND b."id" <> a."id" AND b."status" = 'booked' AND b."during" && a."during"
);
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_client_no_overlap"
  EXCLUDE USING gist ("client_id" WITH =, "during" WITH &&)
  WHERE ("status" = 'booked' AND NOT "client_overlap_allowed");
