ALTER TABLE "campaigns" ADD COLUMN "kept_leftovers" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "org_life_meetings" ADD COLUMN "hold_override" jsonb;