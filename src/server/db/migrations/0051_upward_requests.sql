CREATE TABLE "upward_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"doc_no" text NOT NULL,
	"title" text NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"issued_on" date NOT NULL,
	"working_days" integer NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"withdrawn_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "upward_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"target_unit_id" uuid NOT NULL,
	"item_id" uuid,
	"registered_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"submission_file_id" uuid,
	"submission_note" text DEFAULT '' NOT NULL,
	"chase_count" integer DEFAULT 0 NOT NULL,
	"last_chased_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "upward_requests_doc_no_uq" ON "upward_requests" USING btree ("unit_id","doc_no");--> statement-breakpoint
CREATE INDEX "upward_requests_unit_idx" ON "upward_requests" USING btree ("unit_id","issued_on");--> statement-breakpoint
CREATE UNIQUE INDEX "upward_targets_request_unit_uq" ON "upward_targets" USING btree ("request_id","target_unit_id");--> statement-breakpoint
CREATE INDEX "upward_targets_target_idx" ON "upward_targets" USING btree ("target_unit_id");--> statement-breakpoint
CREATE INDEX "upward_targets_open_idx" ON "upward_targets" USING btree ("target_unit_id") WHERE submitted_at is null;