CREATE TABLE "activity_kinds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"type" text NOT NULL,
	"scope" text NOT NULL,
	"attendance" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"withdrawn_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "kind" text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "attendance" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "obligation_rules" ADD COLUMN "versions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_kinds_uq" ON "activity_kinds" USING btree ("unit_id","code");--> statement-breakpoint
-- Backfill (activity kinds): every activity recorded before kinds existed gets the generic kind of its
-- type, whose code is the type itself (domain/activity-kinds.ts genericKinds), so nothing is lost.
UPDATE "activities" SET "kind" = "type";--> statement-breakpoint
-- Backfill (rules count kinds): a stored rule's `activityTypes` become the generic kinds of those types.
UPDATE "obligation_rules" SET "rule" = ("rule" - 'activityTypes') || jsonb_build_object('activityKinds', "rule"->'activityTypes') WHERE "rule" ? 'activityTypes';
