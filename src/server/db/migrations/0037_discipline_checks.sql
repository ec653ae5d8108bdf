CREATE TABLE "check_observations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"check_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"department_id" uuid,
	"status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "check_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"month" text NOT NULL,
	"planned_count" integer NOT NULL,
	"seed" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discipline_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"department_ids" jsonb NOT NULL,
	"scheduled_on" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"withdrawn_reason" text,
	"checked_on" text,
	"inspector_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "check_observations_person_uq" ON "check_observations" USING btree ("check_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "check_plans_unit_month_uq" ON "check_plans" USING btree ("unit_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "discipline_checks_plan_ordinal_uq" ON "discipline_checks" USING btree ("plan_id","ordinal");--> statement-breakpoint
CREATE INDEX "discipline_checks_unit_idx" ON "discipline_checks" USING btree ("unit_id","plan_id");