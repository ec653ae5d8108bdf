CREATE TABLE "inspection_flag_acks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"flag_key" text NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"max_within_window" integer NOT NULL,
	"window_working_days" integer NOT NULL,
	"year_quota" integer NOT NULL,
	"month_quota" integer NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_units" (
	"unit_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"inspected_unit_id" uuid NOT NULL,
	CONSTRAINT "inspection_units_inspection_id_inspected_unit_id_pk" PRIMARY KEY("inspection_id","inspected_unit_id")
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"kind" text NOT NULL,
	"team" text NOT NULL,
	"starts_on" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"merged_into" uuid,
	"withdrawn_reason" text,
	"unplanned_reason" text,
	"happened_from" text,
	"happened_to" text,
	"happened_summary" text,
	"happened_by" uuid,
	"happened_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spot_check_draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"size" integer NOT NULL,
	"scope" text NOT NULL,
	"seed" text NOT NULL,
	"candidate_count" integer NOT NULL,
	"drawn_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spot_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"draw_id" uuid NOT NULL,
	"item_unit_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"result" text,
	"note" text,
	"checked_by" uuid,
	"checked_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_flag_acks_uq" ON "inspection_flag_acks" USING btree ("plan_id","flag_key");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_plans_unit_year_uq" ON "inspection_plans" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "inspection_units_inspected_idx" ON "inspection_units" USING btree ("inspected_unit_id");--> statement-breakpoint
CREATE INDEX "inspections_plan_idx" ON "inspections" USING btree ("unit_id","plan_id","starts_on");--> statement-breakpoint
CREATE INDEX "spot_check_draws_unit_idx" ON "spot_check_draws" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "spot_checks_draw_item_uq" ON "spot_checks" USING btree ("draw_id","item_id");--> statement-breakpoint
CREATE INDEX "spot_checks_unit_idx" ON "spot_checks" USING btree ("unit_id","created_at");