CREATE SEQUENCE "public"."roster_import_queue_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
ALTER TABLE "roster_imports" ADD COLUMN "queued_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "roster_imports" ADD COLUMN "queue_seq" bigint;--> statement-breakpoint
ALTER TABLE "roster_imports" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "roster_imports" ADD COLUMN "applied_by" uuid;--> statement-breakpoint
ALTER TABLE "roster_imports" ADD COLUMN "applied_by_name" text;--> statement-breakpoint
-- Hand-written data conversion (not generated): an import left `running` by an earlier version has
-- no heartbeat and no runner (that version never resumed one). It is marked failed (the page says
-- 导入中断 and the file can be uploaded again), so that it neither blocks its unit's queue under the
-- index below nor is resumed, long after, as an abandoned import.
UPDATE "roster_imports" SET "status" = 'failed', "finished_at" = now() WHERE "status" = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "roster_imports_one_running" ON "roster_imports" USING btree ("unit_id") WHERE status = 'running';