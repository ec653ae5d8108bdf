CREATE TABLE "department_leaders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"from_date" text,
	"to_date" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "department_leaders_dept_idx" ON "department_leaders" USING btree ("unit_id","department_id","from_date");--> statement-breakpoint
-- Backfill (data): a unit upgrading keeps the 分管领导 it had. Before this table, each department's leader was guessed
-- from its items: the in-service leadership person most often named as leader_person_id on the items the department
-- leads (a tie goes to the smallest person id). Each active department with such a person gets that person as its
-- leader, open-ended (from_date and to_date NULL, since always), created by the system (created_by NULL).
INSERT INTO "department_leaders" ("unit_id", "department_id", "person_id", "from_date", "to_date", "created_by", "created_at", "updated_at")
SELECT g."unit_id", g."department_id", g."person_id", NULL, NULL, NULL, now(), now()
FROM (
	SELECT i."unit_id", i."lead_department_id" AS "department_id", i."leader_person_id" AS "person_id",
		row_number() OVER (PARTITION BY i."unit_id", i."lead_department_id" ORDER BY count(*) DESC, i."leader_person_id" ASC) AS "rank"
	FROM "supervised_items" i
	JOIN "departments" d ON d."id" = i."lead_department_id" AND d."unit_id" = i."unit_id" AND d."active"
	JOIN "people" p ON p."id" = i."leader_person_id" AND p."unit_id" = i."unit_id" AND p."status" = 'in_service' AND p."is_leadership"
	GROUP BY i."unit_id", i."lead_department_id", i."leader_person_id"
) g
WHERE g."rank" = 1
	AND NOT EXISTS (SELECT 1 FROM "department_leaders" l WHERE l."unit_id" = g."unit_id" AND l."department_id" = g."department_id");
