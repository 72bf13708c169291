-- Hand-written. A booking that both takes a worker's (or location's) time and overlaps the client's
-- own appointment answers 409 slot_taken, not client_busy (lib/booking/conflicts.ts): PostgreSQL
-- checks a row's exclusion constraints in the order their indexes were created, and drizzle/0017
-- re-created the worker and location constraints after the client's (drizzle/0010). The client's is
-- re-created here, unchanged, so that it is checked last again.
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_client_no_overlap";
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_client_no_overlap"
  EXCLUDE USING gist ("client_id" WITH =, "during" WITH &&)
  WHERE ("status" = 'booked' AND NOT "client_overlap_allowed");
