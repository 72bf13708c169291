-- A page of availability reads the booked appointments of a day by `during` alone (across many
-- workers and locations); the (location_id, during) index of the exclusion constraint answers that
-- only by scanning every location's entries. This one holds booked appointments by instant.
CREATE INDEX "appointments_booked_during_idx" ON "appointments" USING gist ("during") WHERE "status" = 'booked';
