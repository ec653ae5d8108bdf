CREATE TABLE "activity_kinds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"type" text NOT NULL,
	"scope" text NOT NULL,
	"attendance" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"withdrawn_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "kind" text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "attendance" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "obligation_rules" ADD COLUMN "versions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_kinds_uq" ON "activity_kinds" USING btree ("unit_id","code");--> statement-breakpoint
-- Backfill (activity kinds): every activity recorded before kinds existed gets the generic kind of its
-- type, whose code is the type itself (domain/activity-kinds.ts genericKinds), so nothing is lost.
UPDATE "activities" SET "kind" = "type";--> statement-breakpoint
-- Backfill (rules count kinds): a stored rule's `activityTypes` become the generic kinds of those types.
UPDATE "obligation_rules" SET "rule" = ("rule" - 'activityTypes') || jsonb_build_object('activityKinds', "rule"->'activityTypes') WHERE "rule" ? 'activityTypes';--> statement-breakpoint
-- Backfill (built-in rules of existing campaigns): a rule made from the built-in template also counts
-- the specific kind the plan names, so activities recorded with kinds from now on count as well
-- (activities recorded before keep counting through the generic kind).
UPDATE "obligation_rules" AS r SET "rule" = jsonb_set(r."rule", '{activityKinds}', (r."rule"->'activityKinds') || to_jsonb(m.kind))
FROM (VALUES
  ('每季度到帮扶联系点调研', 'village_research'),
  ('每年为每个帮扶联系村办实事好事', 'good_deed'),
  ('周工作例会', 'weekly_work_meeting'),
  ('民族团结进步模范科室比例', 'model_department_honour'),
  ('走访服务涉林企业全覆盖', 'enterprise_visit'),
  ('年内开展警示教育', 'warning_education'),
  ('专题学习党内法规', 'party_law_study'),
  ('全覆盖开展“政治家访”', 'political_home_visit'),
  ('每月在岗情况不打招呼式检查', 'duty_check'),
  ('每季度听取各科室（中心）工作汇报', 'department_report')
) AS m(title, kind)
WHERE r."title" = m.title AND r."rule" ? 'activityKinds' AND NOT (r."rule"->'activityKinds') ? m.kind;
