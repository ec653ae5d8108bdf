CREATE TABLE "assessment_attention_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"window_key" text NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_attention_rules" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"min_events" integer NOT NULL,
	"min_quarters" integer NOT NULL,
	"last_quarters" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_manual_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"scorecard_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"assessor_person_id" uuid NOT NULL,
	"points_cents" integer NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"subject_kind" text NOT NULL,
	"period_kind" text NOT NULL,
	"period_key" text NOT NULL,
	"items" jsonb NOT NULL,
	"bands" jsonb NOT NULL,
	"group_member_ids" jsonb NOT NULL,
	"group_lead_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"computed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_scorecards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"subject_name" text NOT NULL,
	"subject_person_id" uuid,
	"subject_department_id" uuid,
	"total_cents" integer NOT NULL,
	"suggested_grade" text NOT NULL,
	"final_grade" text NOT NULL,
	"grade_reason" text,
	"grade_changed_by" uuid,
	"points" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "assessment_attention_decisions_person_idx" ON "assessment_attention_decisions" USING btree ("unit_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_manual_scores_uq" ON "assessment_manual_scores" USING btree ("scorecard_id","item_id","assessor_person_id");--> statement-breakpoint
CREATE INDEX "assessment_schemes_unit_period_idx" ON "assessment_schemes" USING btree ("unit_id","period_key");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_scorecards_subject_uq" ON "assessment_scorecards" USING btree ("scheme_id","subject_id");--> statement-breakpoint
CREATE INDEX "assessment_scorecards_unit_idx" ON "assessment_scorecards" USING btree ("unit_id");