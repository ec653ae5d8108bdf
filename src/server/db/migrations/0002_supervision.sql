CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"doc_no" text NOT NULL,
	"issuer" text NOT NULL,
	"title" text NOT NULL,
	"received_on" text NOT NULL,
	"urgency" text NOT NULL,
	"explicit_due" text,
	"handling_department_id" uuid NOT NULL,
	"leader_person_id" uuid,
	"instructions" text DEFAULT '' NOT NULL,
	"not_classified" boolean NOT NULL,
	"item_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "extension_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"extra_days" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"decided_by" uuid,
	"decision_note" text,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"author_person_id" uuid,
	"text" text NOT NULL,
	"percent" integer NOT NULL,
	"idempotency_key" text NOT NULL,
	"reported_on" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervised_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"source_ref" text DEFAULT '' NOT NULL,
	"category" text,
	"lead_department_id" uuid,
	"cooperating_department_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"owner_person_id" uuid NOT NULL,
	"leader_person_id" uuid,
	"backup_person_id" uuid,
	"cadence" text DEFAULT 'none' NOT NULL,
	"status" text NOT NULL,
	"result" text,
	"assigned_on" text NOT NULL,
	"closed_on" text,
	"last_report_on" text,
	"returned_count" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deadline_settings" ADD COLUMN "extension_approver_person_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "documents_unit_no_uq" ON "documents" USING btree ("unit_id","doc_no");--> statement-breakpoint
CREATE INDEX "documents_unit_received_idx" ON "documents" USING btree ("unit_id","received_on");--> statement-breakpoint
CREATE INDEX "extension_requests_item_idx" ON "extension_requests" USING btree ("unit_id","item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "progress_reports_key_uq" ON "progress_reports" USING btree ("unit_id","item_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "progress_reports_item_idx" ON "progress_reports" USING btree ("unit_id","item_id");--> statement-breakpoint
CREATE INDEX "items_unit_status_idx" ON "supervised_items" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "items_unit_owner_idx" ON "supervised_items" USING btree ("unit_id","owner_person_id");--> statement-breakpoint
CREATE INDEX "items_unit_dept_idx" ON "supervised_items" USING btree ("unit_id","lead_department_id");