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
CREATE UNIQUE INDEX "activity_plan_reasons_uq" ON "activity_plan_reasons" USING btree ("unit_id","activity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "issued_documents_no_uq" ON "issued_documents" USING btree ("unit_id","doc_no");--> statement-breakpoint
CREATE INDEX "issued_documents_unit_date_idx" ON "issued_documents" USING btree ("unit_id","issued_on");