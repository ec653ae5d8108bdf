ALTER TABLE "roster_imports" ADD COLUMN "queued_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "roster_imports" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "roster_imports" ADD COLUMN "applied_by" uuid;--> statement-breakpoint
ALTER TABLE "roster_imports" ADD COLUMN "applied_by_name" text;--> statement-breakpoint
-- Hand-written data conversion (not generated): an import left `running` by an earlier version has
-- no heartbeat and no runner (that version did not resume them); it is marked failed, as the page
-- already shows it, so that it neither blocks its unit's new queue nor is resumed long after.
UPDATE "roster_imports" SET "status" = 'failed', "finished_at" = now() WHERE "status" = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "roster_imports_one_running" ON "roster_imports" USING btree ("unit_id") WHERE status = 'running';