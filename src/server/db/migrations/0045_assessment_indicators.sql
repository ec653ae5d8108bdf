CREATE TABLE "assessment_indicator_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"value" numeric(14, 2) NOT NULL,
	"evidence" text NOT NULL,
	"attachment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"review_reason" text,
	"reported_by" uuid NOT NULL,
	"reported_by_person" uuid,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"measure_id" uuid,
	"title" text NOT NULL,
	"unit_label" text NOT NULL,
	"target" numeric(14, 2) NOT NULL,
	"direction" text NOT NULL,
	"period_kind" text NOT NULL,
	"source" text NOT NULL,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "assessment_indicator_reports_idx" ON "assessment_indicator_reports" USING btree ("unit_id","indicator_id","period_key");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_indicator_reports_live_uq" ON "assessment_indicator_reports" USING btree ("unit_id","indicator_id","period_key") WHERE status <> 'returned';--> statement-breakpoint
CREATE INDEX "assessment_indicators_owner_idx" ON "assessment_indicators" USING btree ("unit_id","owner_kind","owner_id");--> statement-breakpoint
CREATE INDEX "assessment_indicators_created_idx" ON "assessment_indicators" USING btree ("unit_id","created_at","id");