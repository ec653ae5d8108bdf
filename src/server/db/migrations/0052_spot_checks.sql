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
CREATE INDEX "spot_check_draws_unit_idx" ON "spot_check_draws" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "spot_checks_draw_item_uq" ON "spot_checks" USING btree ("draw_id","item_id");--> statement-breakpoint
CREATE INDEX "spot_checks_unit_idx" ON "spot_checks" USING btree ("unit_id","created_at");