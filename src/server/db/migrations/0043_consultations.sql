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
CREATE UNIQUE INDEX "consultation_answers_uq" ON "consultation_answers" USING btree ("unit_id","draft_id","comment_id");--> statement-breakpoint
CREATE INDEX "consultation_comments_draft_idx" ON "consultation_comments" USING btree ("unit_id","draft_id");--> statement-breakpoint
CREATE INDEX "consultation_drafts_unit_idx" ON "consultation_drafts" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_targets_uq" ON "consultation_targets" USING btree ("unit_id","draft_id","kind","ref_id");--> statement-breakpoint
CREATE INDEX "consultation_targets_ref_idx" ON "consultation_targets" USING btree ("unit_id","ref_id");