CREATE TABLE "discipline_notice_findings" (
	"unit_id" uuid NOT NULL,
	"notice_id" uuid NOT NULL,
	"finding_id" uuid NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discipline_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"paragraphs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"period_key" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"drafted_by" uuid,
	"drafted_by_person" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"issued_by" uuid,
	"issued_at" timestamp with time zone,
	"issued_on" text,
	"doc_year" integer,
	"doc_seq" integer,
	"doc_number" text,
	"withdrawn_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "discipline_settings" ADD COLUMN "meeting_kinds" text[];--> statement-breakpoint
ALTER TABLE "discipline_settings" ADD COLUMN "notice_prefix" text;--> statement-breakpoint
CREATE UNIQUE INDEX "discipline_notice_findings_uq" ON "discipline_notice_findings" USING btree ("unit_id","notice_id","finding_id");--> statement-breakpoint
CREATE INDEX "discipline_notice_findings_finding_idx" ON "discipline_notice_findings" USING btree ("unit_id","finding_id");--> statement-breakpoint
CREATE INDEX "discipline_notices_status_idx" ON "discipline_notices" USING btree ("unit_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "discipline_notices_number_uq" ON "discipline_notices" USING btree ("unit_id","doc_year","doc_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "discipline_notices_period_draft_uq" ON "discipline_notices" USING btree ("unit_id","kind","period_key") WHERE status = 'draft' and period_key is not null;