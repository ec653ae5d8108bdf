CREATE TABLE "articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"subject_kind" text,
	"subject_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"return_reason" text,
	"reviewed_by" uuid,
	"published_at" timestamp with time zone,
	"published_on" text,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "good_practices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" uuid NOT NULL,
	"title" text NOT NULL,
	"problem" text NOT NULL,
	"action" text NOT NULL,
	"result" text NOT NULL,
	"steps" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"department_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_on" text,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "honours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"holder_kind" text NOT NULL,
	"holder_id" uuid NOT NULL,
	"title" text NOT NULL,
	"level" text NOT NULL,
	"awarded_on" text NOT NULL,
	"issuer" text NOT NULL,
	"nomination_id" uuid,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"nominee_kind" text NOT NULL,
	"nominee_id" uuid NOT NULL,
	"facts" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"decision_reason" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "articles_unit_published_idx" ON "articles" USING btree ("unit_id","status","published_on");--> statement-breakpoint
CREATE INDEX "good_practices_unit_status_idx" ON "good_practices" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "good_practices_source_idx" ON "good_practices" USING btree ("unit_id","source_kind","source_id");--> statement-breakpoint
CREATE INDEX "honours_unit_date_idx" ON "honours" USING btree ("unit_id","awarded_on");--> statement-breakpoint
CREATE INDEX "nominations_unit_idx" ON "nominations" USING btree ("unit_id","created_at");