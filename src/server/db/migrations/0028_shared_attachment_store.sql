CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"kind" text NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- Hand-written: the item attachments and the activity files move over with their ids, so that
-- /api/attachments/:id and /api/activity-files/:id links made before the upgrade still download.
INSERT INTO "stored_files" ("id", "unit_id", "subject_type", "subject_id", "sha256", "file_name", "kind", "size", "uploaded_by", "created_at")
SELECT "id", "unit_id", 'item', "item_id", "sha256", "file_name", "kind", "size", "uploaded_by", "created_at" FROM "attachments";--> statement-breakpoint
INSERT INTO "stored_files" ("id", "unit_id", "subject_type", "subject_id", "sha256", "file_name", "kind", "size", "uploaded_by", "created_at")
SELECT "id", "unit_id", 'activity', "activity_id", "sha256", "file_name", "kind", "size", "uploaded_by", "created_at" FROM "activity_files";--> statement-breakpoint
-- Hand-written: an uploaded study material ({title, url, file: {sha256, fileName, kind, size}} in the
-- session's list) becomes a stored file; the list keeps its title and url and refers to it by "fileId".
-- 1. Give every uploaded material the id of its stored file, in place (the list's order is kept).
UPDATE "study_sessions" s SET "materials" = (
  SELECT jsonb_agg(CASE WHEN jsonb_typeof(m.value->'file') = 'object' THEN m.value || jsonb_build_object('fileId', gen_random_uuid()) ELSE m.value END ORDER BY m.ord)
  FROM jsonb_array_elements(s."materials") WITH ORDINALITY m(value, ord)
)
WHERE jsonb_typeof(s."materials") = 'array'
  AND EXISTS (SELECT 1 FROM jsonb_array_elements(s."materials") e WHERE jsonb_typeof(e->'file') = 'object');--> statement-breakpoint
-- 2. Record those files. The list did not keep who uploaded a file or when: both come from the
-- upload's audit event ('attach' on the session with the file's sha256), else the nil uuid and the
-- session's last change.
INSERT INTO "stored_files" ("id", "unit_id", "subject_type", "subject_id", "sha256", "file_name", "kind", "size", "uploaded_by", "created_at")
SELECT (m->>'fileId')::uuid, s."unit_id", 'study_session', s."id", m->'file'->>'sha256', m->'file'->>'fileName', m->'file'->>'kind', (m->'file'->>'size')::integer,
  coalesce(ev."actor_user_id", '00000000-0000-0000-0000-000000000000'::uuid), coalesce(ev."at", s."updated_at")
FROM "study_sessions" s
CROSS JOIN LATERAL jsonb_array_elements(s."materials") m
LEFT JOIN LATERAL (
  SELECT e."actor_user_id", e."at" FROM "audit_events" e
  WHERE e."unit_id" = s."unit_id" AND e."entity_type" = 'study_session' AND e."entity_id" = s."id"::text
    AND e."action" = 'attach' AND e."after"->>'sha256' = m->'file'->>'sha256'
  ORDER BY e."seq" LIMIT 1
) ev ON true
WHERE jsonb_typeof(s."materials") = 'array' AND m->'fileId' IS NOT NULL;--> statement-breakpoint
-- 3. The list no longer carries the file's own record.
UPDATE "study_sessions" s SET "materials" = (
  SELECT jsonb_agg(CASE WHEN m.value->'fileId' IS NOT NULL THEN m.value - 'file' ELSE m.value END ORDER BY m.ord)
  FROM jsonb_array_elements(s."materials") WITH ORDINALITY m(value, ord)
)
WHERE jsonb_typeof(s."materials") = 'array'
  AND EXISTS (SELECT 1 FROM jsonb_array_elements(s."materials") e WHERE e->'fileId' IS NOT NULL);--> statement-breakpoint
-- Generated:
DROP TABLE "attachments" CASCADE;--> statement-breakpoint
DROP TABLE "activity_files" CASCADE;--> statement-breakpoint
CREATE INDEX "stored_files_subject_idx" ON "stored_files" USING btree ("unit_id","subject_type","subject_id");