CREATE TABLE "contact_object_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"object_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"from_date" text,
	"to_date" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "contact_object_assignments_object_idx" ON "contact_object_assignments" USING btree ("unit_id","object_id");--> statement-breakpoint
-- Backfill: every object's current assignees become open-ended assignments since always (from_date NULL), so that
-- compliance figures computed from the assignment history equal those computed from assignee_ids before.
INSERT INTO "contact_object_assignments" ("unit_id", "object_id", "person_id", "from_date", "to_date", "created_at", "updated_at")
SELECT o."unit_id", o."id", a."person_id", NULL, NULL, o."created_at", o."updated_at"
FROM "contact_objects" o CROSS JOIN LATERAL unnest(o."assignee_ids") AS a("person_id");
