CREATE TABLE "roll_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"campaign_id" uuid,
	"activity_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"shared" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "roll_calls_uq" ON "roll_calls" USING btree ("unit_id","activity_id","person_id");--> statement-breakpoint
CREATE INDEX "roll_calls_campaign_idx" ON "roll_calls" USING btree ("unit_id","campaign_id");