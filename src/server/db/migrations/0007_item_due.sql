ALTER TABLE "supervised_items" ADD COLUMN "due" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "supervised_items" ADD COLUMN "provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "items_unit_due_idx" ON "supervised_items" USING btree ("unit_id","due","id");--> statement-breakpoint
CREATE INDEX "items_unit_dept_due_idx" ON "supervised_items" USING btree ("unit_id","lead_department_id","due","id");--> statement-breakpoint
UPDATE "supervised_items" i SET "due" = d."due", "provisional" = d."provisional" FROM "deadlines" d WHERE d."unit_id" = i."unit_id" AND d."subject_type" = 'item' AND d."subject_id" = i."id"::text;
