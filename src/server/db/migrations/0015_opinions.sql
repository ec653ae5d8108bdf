CREATE TABLE "opinion_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"distribution_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_distributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"label" text NOT NULL,
	"token" text NOT NULL,
	"mode" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"campaign_id" uuid,
	"title" text NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"questions" jsonb NOT NULL,
	"status" text NOT NULL,
	"opens_on" text NOT NULL,
	"closes_on" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"answers" jsonb NOT NULL,
	"submitted_on" text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_codes_hash_uq" ON "opinion_codes" USING btree ("distribution_id","code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_distributions_token_uq" ON "opinion_distributions" USING btree ("token");--> statement-breakpoint
CREATE INDEX "opinion_forms_unit_idx" ON "opinion_forms" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "opinion_responses_form_idx" ON "opinion_responses" USING btree ("unit_id","form_id");