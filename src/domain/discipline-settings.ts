/**
 * A unit's discipline settings (纪律作风): the numbers the plan leaves as `*` (measure 25: 每月不打招呼式检查
 * *至*次, 无故不参加*次或迟到、早退*次以上) and the module's own working rules. Pure: the defaults used
 * while a unit has stored none, and the one check of a change (Chinese problems, empty when valid).
 */
export type MeetingPeriod = 'month' | 'quarter' | 'year';
export const MEETING_PERIOD_LABELS: Record<MeetingPeriod, string> = { month: '每月', quarter: '每季度', year: '每年' };

export interface DisciplineSettings {
  checksPerMonthMin: number;
  checksPerMonthMax: number;
  departmentsPerCheck: number;
  leaveLeaderDays: number;
  meetingAbsenceLimit: number;
  meetingLateLimit: number;
  meetingPeriod: MeetingPeriod;
  holidayLeadDays: number;
  inquiryReplyDays: number;
}

/** Used until the unit stores its own: two to four checks a month, the thresholds of the demo plan. */
export const DEFAULT_DISCIPLINE_SETTINGS: DisciplineSettings = {
  checksPerMonthMin: 2,
  checksPerMonthMax: 4,
  departmentsPerCheck: 2,
  leaveLeaderDays: 3,
  meetingAbsenceLimit: 2,
  meetingLateLimit: 3,
  meetingPeriod: 'quarter',
  holidayLeadDays: 3,
  inquiryReplyDays: 10,
};

const inRange = (v: number, lo: number, hi: number) => Number.isInteger(v) && v >= lo && v <= hi;

/** What is wrong with a set of settings, in Chinese; empty when they may be stored. */
export function disciplineSettingsProblems(s: DisciplineSettings): string[] {
  const p: string[] = [];
  if (!inRange(s.checksPerMonthMin, 0, 31)) p.push('每月检查次数下限应为 0–31 的整数');
  if (!inRange(s.checksPerMonthMax, 1, 31)) p.push('每月检查次数上限应为 1–31 的整数');
  if (s.checksPerMonthMax < s.checksPerMonthMin) p.push('每月检查次数上限不能小于下限');
  if (!inRange(s.departmentsPerCheck, 1, 50)) p.push('每次检查的科室数应为 1–50 的整数');
  if (!inRange(s.leaveLeaderDays, 0, 365)) p.push('需分管领导审批的请假天数应为 0–365 的整数');
  if (!inRange(s.meetingAbsenceLimit, 1, 100)) p.push('无故缺席通报次数应为 1–100 的整数');
  if (!inRange(s.meetingLateLimit, 1, 100)) p.push('迟到早退通报次数应为 1–100 的整数');
  if (!(s.meetingPeriod in MEETING_PERIOD_LABELS)) p.push('统计周期应为每月、每季度或每年');
  if (!inRange(s.holidayLeadDays, 0, 30)) p.push('节前提醒提前的工作日数应为 0–30 的整数');
  if (!inRange(s.inquiryReplyDays, 1, 60)) p.push('函询答复期限应为 1–60 个工作日');
  return p;
}
