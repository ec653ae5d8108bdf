ALTER TABLE "supervised_items" ADD COLUMN "received_on" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "supervised_items" ADD COLUMN "half_due" text;--> statement-breakpoint
CREATE INDEX "items_open_due_idx" ON "supervised_items" USING btree ("unit_id","due","id") WHERE status in ('assigned', 'in_progress', 'under_review');--> statement-breakpoint
CREATE INDEX "items_open_dept_due_idx" ON "supervised_items" USING btree ("unit_id","lead_department_id","due","id") WHERE status in ('assigned', 'in_progress', 'under_review');--> statement-breakpoint
UPDATE "supervised_items" i SET "received_on" = d."received_on", "half_due" = d."half_due" FROM "deadlines" d WHERE d."unit_id" = i."unit_id" AND d."subject_type" = 'item' AND d."subject_id" = i."id"::text;