/** The kinds of campaign activity and their names. */
export const ACTIVITY_LABELS: Record<string, string> = {
  study: '学习研讨',
  meeting: '会议',
  visit: '走访调研',
  inspection: '检查',
  education: '教育活动',
  deed: '实事好事',
  work_report: '工作汇报',
  home_visit: '政治家访',
  honour: '获评荣誉',
  other: '其他',
};
