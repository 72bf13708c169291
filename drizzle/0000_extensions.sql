-- Hand-written: btree_gist lets the exclusion constraints in a later migration combine equality on
-- ids with overlap on tstzrange. It ships with PostgreSQL (contrib) and with PGlite.
CREATE EXTENSION IF NOT EXISTS btree_gist;
