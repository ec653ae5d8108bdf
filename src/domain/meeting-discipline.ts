/**
 * 会风会纪 (measure 25: 无故不参加*次或迟到、早退*次以上的，全局通报): from the recorded attendance of the
 * watched meeting kinds, who crossed a threshold in which period, with the facts (dates, meetings). Pure:
 * `through` (today, an Asia/Shanghai civil date) bounds what counts; meetings after it are not yet held.
 * A crossing is an outcome of recorded attendance, never a ranking of people by activity.
 */
import type { AttendanceStatus } from './compliance.js';
import { periodsBetween, type Period } from './compliance.js';
import type { MeetingPeriod } from './discipline-settings.js';
import type { IsoDate } from './civil-date.js';

export interface MeetingFact {
  id: string;
  kind: string;
  title: string;
  date: IsoDate;
  attendance: readonly { personId: string; status: AttendanceStatus }[];
}

export interface MeetingMark {
  meetingId: string;
  date: IsoDate;
  title: string;
  status: AttendanceStatus;
}

export interface Crossing {
  personId: string;
  period: Period;
  /** 无故缺席 marks of the period, by date. */
  absences: MeetingMark[];
  /** 迟到 and 早退 marks of the period, by date. */
  lates: MeetingMark[];
  absenceReached: boolean;
  lateReached: boolean;
  /** The last day counted: the meeting at which the threshold was reached or last added to. */
  lastDate: IsoDate;
  /** The facts in Chinese, as recorded (dates, meetings, marks); no judgement beyond the standard. */
  facts: string;
}

export interface MeetingLimits {
  absenceLimit: number;
  lateLimit: number;
}

const MARK_LABEL: Partial<Record<AttendanceStatus, string>> = {
  unexcused: '无故缺席',
  late: '迟到',
  left_early: '早退',
};

/** 2026-11-03 → 11月3日 (the year is the period's). */
const monthDay = (d: IsoDate) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The period of `kind` that holds `date` (its full extent). */
export function periodOf(kind: MeetingPeriod, date: IsoDate): Period {
  const clipped = periodsBetween(kind, date, date)[0]!;
  const year = date.slice(0, 4);
  const full = periodsBetween(kind, `${year}-01-01`, `${year}-12-31`).find((p) => p.key === clipped.key);
  return full ?? clipped;
}

const listOf = (ms: readonly MeetingMark[]) =>
  ms.map((m) => `${monthDay(m.date)}${m.title}${MARK_LABEL[m.status] ?? ''}`).join('、');

/** The Chinese account of one person's marks in a period against the standard. */
export function crossingFacts(
  period: Period,
  absences: readonly MeetingMark[],
  lates: readonly MeetingMark[],
  l: MeetingLimits,
) {
  const parts = [
    `无故缺席 ${absences.length} 次${absences.length ? `（${listOf(absences)}）` : ''}`,
    `迟到、早退 ${lates.length} 次${lates.length ? `（${listOf(lates)}）` : ''}`,
  ];
  return `${period.label}${parts.join('，')}；达到通报标准（无故不参加 ${l.absenceLimit} 次或迟到、早退 ${l.lateLimit} 次）`;
}

/**
 * Who crossed a threshold: per person and period (of `periodKind`), ≥ `absenceLimit` unexcused absences or
 * ≥ `lateLimit` lates and early leavings, counting meetings of the `kinds` held on or before `through`.
 * Ordered by period, then person. A meeting recorded twice for a person counts each mark.
 */
export function meetingCrossings(
  meetings: readonly MeetingFact[],
  kinds: readonly string[],
  periodKind: MeetingPeriod,
  limits: MeetingLimits,
  through: IsoDate,
): Crossing[] {
  const watched = new Set(kinds);
  const marks = new Map<string, { period: Period; person: string; marks: MeetingMark[] }>();
  const held = meetings
    .filter((m) => watched.has(m.kind) && m.date <= through)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  for (const m of held) {
    const period = periodOf(periodKind, m.date);
    for (const a of m.attendance) {
      if (!MARK_LABEL[a.status]) continue;
      const key = `${period.key}|${a.personId}`;
      const entry = marks.get(key) ?? { period, person: a.personId, marks: [] };
      entry.marks.push({ meetingId: m.id, date: m.date, title: m.title, status: a.status });
      marks.set(key, entry);
    }
  }
  const out: Crossing[] = [];
  for (const e of marks.values()) {
    const absences = e.marks.filter((m) => m.status === 'unexcused');
    const lates = e.marks.filter((m) => m.status !== 'unexcused');
    const absenceReached = absences.length >= limits.absenceLimit;
    const lateReached = lates.length >= limits.lateLimit;
    if (!absenceReached && !lateReached) continue;
    out.push({
      personId: e.person,
      period: e.period,
      absences,
      lates,
      absenceReached,
      lateReached,
      lastDate: e.marks[e.marks.length - 1]!.date,
      facts: crossingFacts(e.period, absences, lates, limits),
    });
  }
  return out.sort((a, b) => a.period.start.localeCompare(b.period.start) || a.personId.localeCompare(b.personId));
}

/** The finding's dedupe key: one finding per person and period, whatever the sweeps. */
export const crossingKey = (c: Pick<Crossing, 'personId' | 'period'>) => `meeting:${c.personId}:${c.period.key}`;
