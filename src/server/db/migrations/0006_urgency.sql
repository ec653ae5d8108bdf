ALTER TABLE "deadlines" ADD COLUMN "half_due" text;--> statement-breakpoint
ALTER TABLE "supervised_items" ADD COLUMN "urgency" text DEFAULT 'normal' NOT NULL;