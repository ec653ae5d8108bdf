/**
 * One obligation rule over a campaign's span: whom it asks, its periods, and for each subject and
 * period how many matching activities (a count rule), per period how many subjects were reached (a
 * coverage rule), or per person whether attendance reached the notice standard (an attendance rule),
 * each cell with the activities behind it and what is missing in words. Pure.
 *
 * A rule keeps its versions: a change takes effect from a date, and each period is evaluated with the
 * version in force on the day it starts (a period that started before the change keeps the old one).
 */
import type { z } from 'zod';
import type { ZRuleSubject } from '../shared/contracts/campaigns.js';
import type { IsoDate } from './civil-date.js';
import { attendanceCompliance } from './meeting-attendance.js';
import {
  countCompliance,
  coverageCompliance,
  periodsBetween,
  type ActivityFact,
  type Cell,
  type CoverageCell,
  type Period,
  type PeriodKind,
} from './compliance.js';
import type { Words } from './compliance-explain.js';
import { resolveSubjects, type UnitFacts } from './rule-subjects.js';

/** A rule as stored: its numbers already taken from the campaign's parameters. */
export interface StoredRule {
  kind: 'count' | 'coverage' | 'attendance';
  activityKinds: string[];
  period: PeriodKind;
  min: number;
  max: number | null;
  percent: number;
  participantRequired?: boolean;
  distinctObjects?: boolean;
  absenceLimit?: number;
  lateLimit?: number;
}
/** A version of a rule in force from `from` (null: from the campaign's start). */
export interface RuleVersion {
  from: IsoDate | null;
  rule: StoredRule;
}

/** Each version with the periods (of its own period kind) that start while it is in force. */
export function periodsByVersion(versions: readonly RuleVersion[], span: { startsOn: IsoDate; endsOn: IsoDate }) {
  const sorted = [...versions].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
  return sorted.map((v, i) => {
    const next = sorted[i + 1]?.from ?? null;
    const periods = periodsBetween(v.rule.period, span.startsOn, span.endsOn).filter(
      (p) => (i === 0 || p.start >= (v.from ?? '')) && (next === null || p.start < next),
    );
    return { rule: v.rule, periods };
  });
}

function cellsOf(
  rule: StoredRule,
  subjects: ReturnType<typeof resolveSubjects>,
  activities: readonly ActivityFact[],
  periods: readonly Period[],
  today: IsoDate,
  words: Words | undefined,
): { cells: Cell[]; coverage: CoverageCell[] } {
  const { activityKinds, period, participantRequired, distinctObjects } = rule;
  const options = { activityKinds, period, participantRequired, distinctObjects };
  if (rule.kind === 'attendance') {
    const limits = { absenceLimit: rule.absenceLimit ?? 1, lateLimit: rule.lateLimit ?? 1 };
    return {
      cells: attendanceCompliance(
        { kind: 'attendance', activityKinds, period, ...limits },
        subjects,
        activities,
        periods,
      ),
      coverage: [],
    };
  }
  if (rule.kind === 'count')
    return {
      cells: countCompliance(
        { kind: 'count', ...options, min: rule.min, max: rule.max },
        subjects,
        activities,
        periods,
        today,
        words,
      ),
      coverage: [],
    };
  return {
    cells: [],
    coverage: coverageCompliance(
      { kind: 'coverage', ...options, percent: rule.percent },
      subjects,
      activities,
      periods,
      today,
    ),
  };
}

export function evaluateRule(
  rule: StoredRule | readonly RuleVersion[],
  subject: z.infer<typeof ZRuleSubject>,
  span: { startsOn: IsoDate; endsOn: IsoDate },
  facts: UnitFacts,
  activities: readonly ActivityFact[],
  today: IsoDate,
  words?: Words,
) {
  const versions: readonly RuleVersion[] = Array.isArray(rule) ? rule : [{ from: null, rule: rule as StoredRule }];
  const subjects = resolveSubjects(subject, facts);
  const parts = periodsByVersion(versions, span).map((v) => ({
    periods: v.periods,
    ...cellsOf(v.rule, subjects, activities, v.periods, today, words),
  }));
  const cells = parts.flatMap((p) => p.cells);
  const coverage = parts.flatMap((p) => p.coverage);
  const statuses = [...cells, ...coverage].map((c) => c.status);
  const n = (s: string) => statuses.filter((x) => x === s).length;
  return {
    periods: parts.flatMap((p) => p.periods),
    subjects: subjects.map((s) => ({ key: s.key, label: s.label })),
    cells,
    coverage,
    summary: { met: n('met'), atRisk: n('at_risk'), missed: n('missed'), over: n('over'), reached: n('reached') },
  };
}
