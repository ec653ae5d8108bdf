CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"campaign_id" uuid,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"department_id" uuid,
	"participant_ids" uuid[] DEFAULT '{}' NOT NULL,
	"absent_ids" uuid[] DEFAULT '{}' NOT NULL,
	"object_ids" uuid[] DEFAULT '{}' NOT NULL,
	"measure_nos" integer[] DEFAULT '{}' NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"withdrawn_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"no" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"focus" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"category_no" integer NOT NULL,
	"no" integer NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"params" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"template_code" text NOT NULL,
	"template_version" integer NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"phases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"starts_on" text NOT NULL,
	"ends_on" text NOT NULL,
	"leading_group_id" uuid,
	"office_group_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_objects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"assignee_ids" uuid[] DEFAULT '{}' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "obligation_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"measure_no" integer,
	"title" text NOT NULL,
	"subject" jsonb NOT NULL,
	"rule" jsonb NOT NULL,
	"param_key" text,
	"active" boolean DEFAULT true NOT NULL,
	"withdrawn_reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "supervised_items" ADD COLUMN "measure_id" uuid;--> statement-breakpoint
CREATE INDEX "activities_unit_date_idx" ON "activities" USING btree ("unit_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_categories_uq" ON "campaign_categories" USING btree ("unit_id","campaign_id","no");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_measures_uq" ON "campaign_measures" USING btree ("unit_id","campaign_id","no");--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_unit_name_year_uq" ON "campaigns" USING btree ("unit_id","name","year");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_objects_uq" ON "contact_objects" USING btree ("unit_id","kind","name");--> statement-breakpoint
CREATE INDEX "obligation_rules_campaign_idx" ON "obligation_rules" USING btree ("unit_id","campaign_id");--> statement-breakpoint
CREATE INDEX "items_unit_measure_idx" ON "supervised_items" USING btree ("unit_id","measure_id");