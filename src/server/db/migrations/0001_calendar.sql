CREATE TABLE "calendar_days" (
	"date" text PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"working" boolean NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"file_name" text NOT NULL,
	"status" text NOT NULL,
	"years" jsonb NOT NULL,
	"days" jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "calendar_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"date" text NOT NULL,
	"working" boolean NOT NULL,
	"reason" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"withdrawn_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"imported_by" text NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deadline_settings" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"urgent_same_day" boolean NOT NULL,
	"important_days" integer NOT NULL,
	"normal_days" integer NOT NULL,
	"extension_cap_days" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deadlines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"title" text NOT NULL,
	"owner_person_id" uuid,
	"received_on" text NOT NULL,
	"policy" jsonb NOT NULL,
	"due" text NOT NULL,
	"provisional" boolean NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_overrides_active_uq" ON "calendar_overrides" USING btree ("unit_id","date") WHERE "calendar_overrides"."active";--> statement-breakpoint
CREATE INDEX "calendar_overrides_unit_idx" ON "calendar_overrides" USING btree ("unit_id","date");--> statement-breakpoint
CREATE INDEX "deadlines_open_idx" ON "deadlines" USING btree ("unit_id","status","due");--> statement-breakpoint
CREATE UNIQUE INDEX "deadlines_subject_uq" ON "deadlines" USING btree ("unit_id","subject_type","subject_id");