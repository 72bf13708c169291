CREATE TABLE "business" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"logo_url" text,
	"phone" text,
	"email" text,
	"website" text,
	"address" text,
	"default_timezone" text NOT NULL,
	"currency" text NOT NULL,
	"min_notice_minutes" integer DEFAULT 0 NOT NULL,
	"cancel_cutoff_minutes" integer DEFAULT 0 NOT NULL,
	"reschedule_cutoff_minutes" integer DEFAULT 0 NOT NULL,
	"max_upcoming_per_client" integer,
	"allow_client_overlap" boolean DEFAULT false NOT NULL,
	"reminder_offsets_minutes" integer[] DEFAULT '{1440,120}' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_one_row" CHECK ("business"."id" = 1),
	CONSTRAINT "business_currency_check" CHECK ("business"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "client_overlap_allowed" boolean DEFAULT false NOT NULL;