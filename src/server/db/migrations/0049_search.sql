CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "items_title_trgm_idx" ON "supervised_items" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "items_content_trgm_idx" ON "supervised_items" USING gin ("content" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "activities_title_trgm_idx" ON "activities" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "activities_minutes_trgm_idx" ON "activities" USING gin ("minutes" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "discipline_admonitions_reason_trgm_idx" ON "discipline_admonitions" USING gin ("reason" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "discipline_admonitions_content_trgm_idx" ON "discipline_admonitions" USING gin ("content" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "rule_documents_title_trgm_idx" ON "rule_documents" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "rule_versions_text_trgm_idx" ON "rule_versions" USING gin ("text" gin_trgm_ops);