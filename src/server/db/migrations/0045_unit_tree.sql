CREATE TABLE "unit_invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"invited_by_unit_id" uuid NOT NULL,
	"role" text NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"user_id" uuid,
	"revoked_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "kind" text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "deactivated_reason" text;--> statement-breakpoint
CREATE UNIQUE INDEX "unit_invites_token_uq" ON "unit_invites" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "unit_invites_unit_idx" ON "unit_invites" USING btree ("unit_id");