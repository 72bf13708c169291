CREATE TABLE "waitlist_leave_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waitlist_leave_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "waitlist_leave_tokens" ADD CONSTRAINT "waitlist_leave_tokens_entry_id_waitlist_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."waitlist_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "waitlist_leave_tokens_entry_idx" ON "waitlist_leave_tokens" USING btree ("entry_id");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" in ('confirmation', 'rescheduled', 'cancelled', 'reminder', 'worker_new', 'worker_moved', 'worker_cancelled', 'password_reset', 'email_verification', 'waitlist_slot_free', 'waitlist_joined'));