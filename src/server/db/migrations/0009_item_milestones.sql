CREATE TABLE "item_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"title" text NOT NULL,
	"due" text NOT NULL,
	"done_on" text,
	"done_note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "item_milestones_seq_uq" ON "item_milestones" USING btree ("unit_id","item_id","seq");