CREATE TABLE "notification_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"notification_id" uuid NOT NULL,
	"channel_id" uuid,
	"medium" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"held" boolean DEFAULT false NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"lease_holder" text,
	"batch_key" text,
	"last_code" text,
	"last_message" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"unit_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"group_robot" boolean DEFAULT true NOT NULL,
	"mail" boolean DEFAULT false NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"mail_digest" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_preferences_unit_id_person_id_pk" PRIMARY KEY("unit_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"quiet_hours" boolean DEFAULT true NOT NULL,
	"work_start_min" integer DEFAULT 510 NOT NULL,
	"work_end_min" integer DEFAULT 1050 NOT NULL,
	"require_group_robot" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "fanned_out_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "notification_deliveries_key_uq" ON "notification_deliveries" USING btree ("unit_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "notification_deliveries_due_idx" ON "notification_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "notification_deliveries_log_idx" ON "notification_deliveries" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "notification_deliveries_sent_idx" ON "notification_deliveries" USING btree ("channel_id","sent_at");--> statement-breakpoint
CREATE INDEX "notifications_fanout_idx" ON "notifications" USING btree ("created_at") WHERE fanned_out_at is null;--> statement-breakpoint
-- Notices written before delivery existed are in the inbox already; they are not sent out now.
UPDATE "notifications" SET "fanned_out_at" = "created_at";
