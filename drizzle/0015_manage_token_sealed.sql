ALTER TABLE "appointments" ADD COLUMN "held" "tstzrange" DEFAULT 'empty'::tstzrange NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "buffers_overridden" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "buffer_before_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "buffer_after_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "manage_token_sealed" text;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_buffers_check" CHECK ("services"."buffer_before_minutes" between 0 and 240 and "services"."buffer_after_minutes" between 0 and 240);