CREATE TABLE "discipline_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid,
	"person_id" uuid,
	"department_id" uuid,
	"on_date" text NOT NULL,
	"observed" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"explanation_requested_at" timestamp with time zone,
	"explanation" text,
	"explained_at" timestamp with time zone,
	"status" text DEFAULT 'open' NOT NULL,
	"dismissed_reason" text,
	"notice_id" uuid,
	"dedupe_key" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discipline_settings" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"checks_per_month_min" integer NOT NULL,
	"checks_per_month_max" integer NOT NULL,
	"departments_per_check" integer NOT NULL,
	"leave_leader_days" integer NOT NULL,
	"meeting_absence_limit" integer NOT NULL,
	"meeting_late_limit" integer NOT NULL,
	"meeting_period" text NOT NULL,
	"holiday_lead_days" integer NOT NULL,
	"inquiry_reply_days" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leave_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"department_id" uuid,
	"kind" text NOT NULL,
	"from_date" text NOT NULL,
	"starts_afternoon" boolean DEFAULT false NOT NULL,
	"to_date" text NOT NULL,
	"ends_at_noon" boolean DEFAULT false NOT NULL,
	"half_days" integer NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"head_decided_by" uuid,
	"head_decided_at" timestamp with time zone,
	"leader_required" boolean DEFAULT false NOT NULL,
	"leader_person_id" uuid,
	"leader_decided_by" uuid,
	"leader_decided_at" timestamp with time zone,
	"rejected_reason" text,
	"withdrawn_reason" text,
	"returned_on" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "discipline_findings_person_idx" ON "discipline_findings" USING btree ("unit_id","person_id","on_date");--> statement-breakpoint
CREATE INDEX "discipline_findings_source_idx" ON "discipline_findings" USING btree ("unit_id","source_type","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "discipline_findings_dedupe_uq" ON "discipline_findings" USING btree ("unit_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "leave_requests_person_idx" ON "leave_requests" USING btree ("unit_id","person_id","from_date");--> statement-breakpoint
CREATE INDEX "leave_requests_status_idx" ON "leave_requests" USING btree ("unit_id","status");