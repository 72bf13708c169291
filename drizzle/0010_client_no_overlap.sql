-- Hand-written: a client holds one booked appointment at a time (two barbers at 16:00 is a booking
-- error), unless the business allowed overlaps when the appointment was booked
-- (business.allow_client_overlap, copied to appointments.client_overlap_allowed), for a family
-- booked under one client record.
--
-- Rows already overlapping another booked row of their client were allowed by the app until now:
-- they are marked as allowed, so the constraint can be added over them and they stay as booked.
-- In one sort per client rather than a probe per row, since a desk may keep thousands of walk-ins
-- under one record: a row overlaps an earlier one when an earlier row ends after it starts, and a
-- later one when the next row starts before it ends.
UPDATE "appointments" AS a SET "client_overlap_allowed" = true
FROM (
  SELECT "id",
         "start_at" < max("end_at") OVER earlier AS "overlaps_earlier",
         lead("start_at") OVER by_start < "end_at" AS "overlaps_later"
  FROM "appointments"
  WHERE "status" = 'booked'
  WINDOW by_start AS (PARTITION BY "client_id" ORDER BY "start_at", "id"),
         earlier AS (by_start ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
) AS o
WHERE o."id" = a."id" AND (o."overlaps_earlier" OR o."overlaps_later");
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_client_no_overlap"
  EXCLUDE USING gist ("client_id" WITH =, "during" WITH &&)
  WHERE ("status" = 'booked' AND NOT "client_overlap_allowed");
