import type { ActivityKind } from '../activity-kinds.js';

/**
 * The kinds of activity the plan 兴“十风”治“十弊” names, and the Party branch's meetings of the
 * 中国共产党支部工作条例（试行）（三会一课、组织生活会、民主评议党员、谈心谈话）.
 */
const unit = (code: string, label: string, type: string, attendance = false): ActivityKind => ({
  code,
  label,
  type,
  scope: 'unit',
  ...(attendance ? { attendance } : {}),
});
const branch = (code: string, label: string, type: string): ActivityKind => ({ code, label, type, scope: 'branch' });

export const XING_SHI_FENG_KINDS: readonly ActivityKind[] = [
  unit('central_group_study', '中心组学习', 'study'),
  unit('expert_lecture', '专家辅导', 'study'),
  unit('themed_training', '主题培训', 'study'),
  unit('party_law_study', '党内法规学习', 'study'),
  unit('warning_education', '警示教育', 'education'),
  unit('political_home_visit', '政治家访', 'home_visit'),
  unit('research', '调研', 'visit'),
  unit('village_research', '联系村调研', 'visit'),
  unit('good_deed', '实事好事', 'deed'),
  unit('enterprise_visit', '走访企业', 'visit'),
  unit('petition_visit', '下访接访', 'visit'),
  unit('weekly_work_meeting', '周工作例会', 'meeting'),
  unit('monthly_dispatch_meeting', '月重点工作调度会', 'meeting'),
  unit('department_report', '科室工作汇报', 'work_report'),
  unit('duty_check', '在岗检查', 'inspection'),
  unit('four_winds_check', '四风检查', 'inspection'),
  unit('special_check', '专项检查', 'inspection'),
  unit('internal_supervision', '内部督导', 'inspection'),
  unit('party_group_meeting', '党组会', 'meeting', true),
  unit('director_office_meeting', '局长办公会', 'meeting', true),
  unit('staff_meeting', '干部职工会', 'meeting', true),
  unit('model_department_honour', '民族团结进步模范科室', 'honour'),
  unit('model_staff_honour', '民族团结进步模范职工', 'honour'),
  branch('branch_general_meeting', '支部党员大会', 'meeting'),
  branch('branch_committee_meeting', '支委会', 'meeting'),
  branch('party_group_session', '党小组会', 'meeting'),
  branch('party_lecture', '党课', 'study'),
  branch('theme_party_day', '主题党日', 'education'),
  branch('organizational_life_meeting', '组织生活会', 'meeting'),
  branch('member_appraisal', '民主评议党员', 'meeting'),
  branch('heart_to_heart_talk', '谈心谈话', 'other'),
];
