CREATE TABLE "holiday_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"label" text NOT NULL,
	"first_day" text NOT NULL,
	"last_day" text NOT NULL,
	"sent_on" text NOT NULL,
	"sent_by" uuid,
	"recipients" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integrity_education_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integrity_education_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"month" integer NOT NULL,
	"topic" text NOT NULL,
	"audience" text NOT NULL,
	"department_id" uuid,
	"cadre_ids" uuid[] DEFAULT '{}' NOT NULL,
	"activity_ids" uuid[] DEFAULT '{}' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"withdrawn_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sifeng_check_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"check_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"label" text NOT NULL,
	"inspector_person_id" uuid NOT NULL,
	"result" text DEFAULT 'pending' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sifeng_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period_key" text,
	"from_date" text NOT NULL,
	"to_date" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"withdrawn_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "holiday_reminders_period_uq" ON "holiday_reminders" USING btree ("unit_id","period_key");--> statement-breakpoint
CREATE UNIQUE INDEX "integrity_education_plans_year_uq" ON "integrity_education_plans" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "integrity_education_sessions_plan_idx" ON "integrity_education_sessions" USING btree ("unit_id","plan_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "sifeng_check_items_uq" ON "sifeng_check_items" USING btree ("unit_id","check_id","item_key");--> statement-breakpoint
CREATE INDEX "sifeng_check_items_inspector_idx" ON "sifeng_check_items" USING btree ("unit_id","inspector_person_id");--> statement-breakpoint
CREATE INDEX "sifeng_checks_unit_idx" ON "sifeng_checks" USING btree ("unit_id","from_date");