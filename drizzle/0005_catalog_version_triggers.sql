-- Every write to a catalog table bumps catalog_version.version in the same transaction: the app's
-- cache of catalog answers (lib/api/catalog-cache.ts) reads this one row to know whether what it
-- holds is still current, whichever instance (or script) wrote.
INSERT INTO "catalog_version" ("id", "version") VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION "bump_catalog_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "catalog_version" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "locations_bump_catalog_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "locations"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalog_version"();
--> statement-breakpoint
CREATE TRIGGER "specialties_bump_catalog_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "specialties"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalog_version"();
--> statement-breakpoint
CREATE TRIGGER "services_bump_catalog_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "services"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalog_version"();
--> statement-breakpoint
CREATE TRIGGER "workers_bump_catalog_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "workers"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalog_version"();
--> statement-breakpoint
CREATE TRIGGER "worker_services_bump_catalog_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "worker_services"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalog_version"();
