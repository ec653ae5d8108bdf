ALTER TABLE "supervised_items" ADD COLUMN "personal_of" uuid;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "confidential" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Hand-written: rectification items already made from members' personal lists become personal.
UPDATE "supervised_items" i SET "personal_of" = l."person_id"
FROM "self_check_lists" l
WHERE i."origin_key" LIKE 'orglife:%' AND l."unit_id" = i."unit_id" AND l."person_id" IS NOT NULL
  AND l."id"::text = split_part(i."origin_key", ':', 3);
--> statement-breakpoint
-- Hand-written: their deadlines (listed to every reader of the unit) carry the neutral title.
UPDATE "deadlines" d SET "title" = '个人自查问题整改（内容仅本人、支部书记和班子成员可见）'
FROM "supervised_items" i
WHERE d."unit_id" = i."unit_id" AND d."subject_type" = 'item' AND d."subject_id" = i."id"::text AND i."personal_of" IS NOT NULL;
