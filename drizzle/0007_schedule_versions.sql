CREATE TABLE "schedule_versions" (
	"key" uuid PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
