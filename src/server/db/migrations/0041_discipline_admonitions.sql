CREATE TABLE "discipline_admonitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid NOT NULL,
	"conducted_by" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reason" text NOT NULL,
	"on_date" text NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"follow_up" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"delivered_on" text,
	"reply_due" text,
	"withdrawn_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "discipline_admonitions_person_idx" ON "discipline_admonitions" USING btree ("unit_id","person_id","on_date");--> statement-breakpoint
CREATE INDEX "discipline_admonitions_reply_idx" ON "discipline_admonitions" USING btree ("unit_id","status","reply_due");