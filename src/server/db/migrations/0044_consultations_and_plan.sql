CREATE TABLE "consultation_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"draft_id" uuid NOT NULL,
	"comment_id" uuid NOT NULL,
	"source" text NOT NULL,
	"verdict" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"answered_by_person_id" uuid,
	"answered_on" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"draft_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"author_person_id" uuid,
	"recorded_by_person_id" uuid,
	"speaker" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"received_on" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"department_id" uuid NOT NULL,
	"body" text NOT NULL,
	"confidential" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"opened_on" text,
	"due_on" text,
	"closed_on" text,
	"public_form_id" uuid,
	"public_distribution_id" uuid,
	"withdrawn_reason" text,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"draft_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ref_id" uuid NOT NULL,
	"name" text NOT NULL,
	"notified_on" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_plan_reasons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "burden_settings" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"max_meeting_minutes" integer NOT NULL,
	"max_unplanned_meetings_per_quarter" integer NOT NULL,
	"max_documents_per_year" integer NOT NULL,
	"merge_within_working_days" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "issued_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"doc_no" text NOT NULL,
	"title" text NOT NULL,
	"issued_on" text NOT NULL,
	"department_id" uuid,
	"plan_entry_id" uuid,
	"unplanned_reason" text,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_answers_uq" ON "consultation_answers" USING btree ("unit_id","draft_id","comment_id");--> statement-breakpoint
CREATE INDEX "consultation_comments_draft_idx" ON "consultation_comments" USING btree ("unit_id","draft_id");--> statement-breakpoint
CREATE INDEX "consultation_drafts_unit_idx" ON "consultation_drafts" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_targets_uq" ON "consultation_targets" USING btree ("unit_id","draft_id","kind","ref_id");--> statement-breakpoint
CREATE INDEX "consultation_targets_ref_idx" ON "consultation_targets" USING btree ("unit_id","ref_id");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_plan_reasons_uq" ON "activity_plan_reasons" USING btree ("unit_id","activity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "issued_documents_no_uq" ON "issued_documents" USING btree ("unit_id","doc_no");--> statement-breakpoint
CREATE INDEX "issued_documents_unit_date_idx" ON "issued_documents" USING btree ("unit_id","issued_on");