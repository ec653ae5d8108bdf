/**
 * 会风会纪: attendance of the meetings a rule names (党组会, 局长办公会, 干部职工会), per person and
 * period. Whoever reaches `absenceLimit` absences without leave or `lateLimit` lates and early
 * leavings is flagged 达到通报标准 (the plan: “无故不参加*次或迟到、早退*次以上的，全局通报”).
 * A flag is an outcome of recorded attendance, never a ranking of people by activity.
 */
import type { AttendanceRule, AttendanceStatus, Cell, Period, Subject, ActivityFact } from './compliance.js';
import { countedOf } from './compliance-match.js';
import { monthDay } from './compliance-explain.js';

export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: '出席',
  late: '迟到',
  left_early: '早退',
  excused: '请假',
  unexcused: '无故缺席',
};

/** Those who took part: present, late or left early. The others were absent (with or without leave). */
export function fromAttendance(list: readonly { personId: string; status: AttendanceStatus }[]) {
  const took = (s: AttendanceStatus) => s === 'present' || s === 'late' || s === 'left_early';
  return {
    participantIds: list.filter((x) => took(x.status)).map((x) => x.personId),
    absentIds: list.filter((x) => !took(x.status)).map((x) => x.personId),
  };
}

const personOf = (s: Subject) => s.personIds?.[0] ?? s.objectIds?.[0] ?? s.key;

export function attendanceCompliance(
  rule: AttendanceRule,
  subjects: readonly Subject[],
  activities: readonly ActivityFact[],
  periods: readonly Period[],
): Cell[] {
  const wanted = new Set(rule.activityKinds);
  const meetings = activities
    .filter((a) => wanted.has(a.kind) && a.attendance)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  return subjects.flatMap((s) => {
    const person = personOf(s);
    return periods.map((p) => {
      const inPeriod = meetings.filter((a) => a.date >= p.start && a.date <= p.end);
      const marks = inPeriod.flatMap((a) =>
        (a.attendance ?? []).filter((x) => x.personId === person).map((x) => ({ a, status: x.status })),
      );
      const absences = marks.filter((m) => m.status === 'unexcused');
      const lates = marks.filter((m) => m.status === 'late' || m.status === 'left_early');
      const reached = absences.length >= rule.absenceLimit || lates.length >= rule.lateLimit;
      const list = (ms: typeof marks) =>
        ms.map((m) => `${monthDay(m.a.date)}${m.a.title ?? ''}${ATTENDANCE_LABELS[m.status]}`).join('、');
      const facts = [
        `无故缺席 ${absences.length} 次${absences.length ? `（${list(absences)}）` : ''}`,
        `迟到、早退 ${lates.length} 次${lates.length ? `（${list(lates)}）` : ''}`,
      ].join('，');
      const standard = `无故不参加 ${rule.absenceLimit} 次或迟到、早退 ${rule.lateLimit} 次`;
      return {
        subjectKey: s.key,
        periodKey: p.key,
        count: absences.length + lates.length,
        status: reached ? 'reached' : 'not_reached',
        activityIds: marks.map((m) => m.a.id),
        counted: marks.map((m) => countedOf(m.a)),
        explanation: `${p.label}${facts}；${reached ? '达到' : '未达到'}通报标准（${standard}）`,
      } satisfies Cell;
    });
  });
}
