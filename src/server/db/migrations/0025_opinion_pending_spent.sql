CREATE TABLE "opinion_pending_spent" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"day" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "opinion_pending_spent_group_idx" ON "opinion_pending_spent" USING btree ("unit_id","form_id","audience","day");