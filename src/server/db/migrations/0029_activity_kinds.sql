--> statement-breakpoint
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
