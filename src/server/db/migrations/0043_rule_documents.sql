CREATE TABLE "rule_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"kind_name" text,
	"title" text NOT NULL,
	"department_id" uuid,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"label" text NOT NULL,
	"text" text NOT NULL,
	"effective_from" text NOT NULL,
	"adopted_by_item_id" uuid,
	"params" jsonb,
	"withdrawn_reason" text,
	"withdrawn_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rule_documents_unit_kind_idx" ON "rule_documents" USING btree ("unit_id","kind","department_id");--> statement-breakpoint
CREATE INDEX "rule_versions_document_idx" ON "rule_versions" USING btree ("unit_id","document_id","effective_from");