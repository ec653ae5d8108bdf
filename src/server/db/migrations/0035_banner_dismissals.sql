CREATE TABLE "banner_dismissals" (
	"unit_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"banner" text NOT NULL,
	"dismissed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "banner_dismissals_user_id_banner_pk" PRIMARY KEY("user_id","banner")
);
--> statement-breakpoint
CREATE INDEX "banner_dismissals_unit_idx" ON "banner_dismissals" USING btree ("unit_id");