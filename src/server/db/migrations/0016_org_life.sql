CREATE TABLE "opinion_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"category_no" integer,
	"text" text NOT NULL,
	"text_hash" text NOT NULL,
	"audience" text NOT NULL,
	"repeats" integer DEFAULT 1 NOT NULL,
	"target_kind" text,
	"target_department_id" uuid,
	"target_person_id" uuid,
	"status" text DEFAULT 'new' NOT NULL,
	"merged_into_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "org_life_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"campaign_id" uuid,
	"form_id" uuid,
	"title" text NOT NULL,
	"status" text DEFAULT 'preparing' NOT NULL,
	"planned_on" text NOT NULL,
	"held_on" text,
	"place" text DEFAULT '' NOT NULL,
	"min_attendance_pct" integer DEFAULT 80 NOT NULL,
	"leader_max" integer DEFAULT 3 NOT NULL,
	"committee_with_each_member" boolean DEFAULT true NOT NULL,
	"talk_plan" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attendance" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"secretary_report" text DEFAULT '' NOT NULL,
	"self_criticisms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"criticisms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_check_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"person_id" uuid,
	"owner_key" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"entries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"return_comment" text DEFAULT '' NOT NULL,
	"submitted_on" text,
	"decided_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" text NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"signed_in" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"text" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talk_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"a_person_id" uuid NOT NULL,
	"b_person_id" uuid NOT NULL,
	"held_on" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"topics" text DEFAULT '' NOT NULL,
	"problems" text DEFAULT '' NOT NULL,
	"suggestions" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"voided_reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_items_text_uq" ON "opinion_items" USING btree ("form_id","text_hash");--> statement-breakpoint
CREATE INDEX "opinion_items_form_idx" ON "opinion_items" USING btree ("unit_id","form_id","status");--> statement-breakpoint
CREATE INDEX "opinion_items_person_idx" ON "opinion_items" USING btree ("unit_id","target_person_id");--> statement-breakpoint
CREATE INDEX "org_life_meetings_unit_idx" ON "org_life_meetings" USING btree ("unit_id","planned_on");--> statement-breakpoint
CREATE UNIQUE INDEX "self_check_lists_owner_uq" ON "self_check_lists" USING btree ("meeting_id","owner_key");--> statement-breakpoint
CREATE INDEX "self_check_lists_meeting_idx" ON "self_check_lists" USING btree ("unit_id","meeting_id");--> statement-breakpoint
CREATE INDEX "study_sessions_meeting_idx" ON "study_sessions" USING btree ("unit_id","meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "study_statements_uq" ON "study_statements" USING btree ("session_id","person_id");--> statement-breakpoint
CREATE INDEX "talk_records_meeting_idx" ON "talk_records" USING btree ("unit_id","meeting_id");