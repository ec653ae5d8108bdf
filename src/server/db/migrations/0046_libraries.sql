CREATE TABLE "advice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"content" text NOT NULL,
	"received_on" text NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"outcome_reason" text,
	"decision_id" uuid,
	"outcome_on" text,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid,
	"name" text,
	"organisation" text DEFAULT '' NOT NULL,
	"field" text DEFAULT '' NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_stage_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"changed_on" text NOT NULL,
	"reason" text,
	"changed_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"stage" text NOT NULL,
	"funding_sought" numeric(14, 2) NOT NULL,
	"funding_obtained" numeric(14, 2),
	"owner_person_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "advice_unit_received_idx" ON "advice" USING btree ("unit_id","received_on");--> statement-breakpoint
CREATE INDEX "advice_unit_expert_idx" ON "advice" USING btree ("unit_id","expert_id");--> statement-breakpoint
CREATE INDEX "experts_unit_idx" ON "experts" USING btree ("unit_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "project_items_item_uq" ON "project_items" USING btree ("unit_id","item_id");--> statement-breakpoint
CREATE INDEX "project_items_project_idx" ON "project_items" USING btree ("unit_id","project_id");--> statement-breakpoint
CREATE INDEX "project_stage_changes_project_idx" ON "project_stage_changes" USING btree ("unit_id","project_id","created_at");--> statement-breakpoint
CREATE INDEX "projects_unit_stage_idx" ON "projects" USING btree ("unit_id","stage");--> statement-breakpoint
CREATE INDEX "projects_unit_department_idx" ON "projects" USING btree ("unit_id","department_id");