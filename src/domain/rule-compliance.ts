/**
 * One obligation rule over a campaign's span: whom it asks, its periods, and for each subject and
 * period how many matching activities (a count rule) or, per period, how many subjects were reached
 * (a coverage rule), with the summary the campaign's pages and reports show. Pure.
 */
import type { z } from 'zod';
import type { ZRuleSubject } from '../shared/contracts/campaigns.js';
import type { IsoDate } from './civil-date.js';
import {
  countCompliance,
  coverageCompliance,
  periodsBetween,
  type ActivityFact,
  type PeriodKind,
} from './compliance.js';
import { resolveSubjects, type UnitFacts } from './rule-subjects.js';

/** A rule as stored: its numbers already taken from the campaign's parameters. */
export interface StoredRule {
  kind: 'count' | 'coverage';
  activityTypes: string[];
  period: PeriodKind;
  min: number;
  max: number | null;
  percent: number;
}

export function evaluateRule(
  rule: StoredRule,
  subject: z.infer<typeof ZRuleSubject>,
  span: { startsOn: IsoDate; endsOn: IsoDate },
  facts: UnitFacts,
  activities: readonly ActivityFact[],
  today: IsoDate,
) {
  const subjects = resolveSubjects(subject, facts);
  const periods = periodsBetween(rule.period, span.startsOn, span.endsOn);
  const { activityTypes, period } = rule;
  const cells =
    rule.kind === 'count'
      ? countCompliance(
          { kind: 'count', activityTypes, period, min: rule.min, max: rule.max },
          subjects,
          activities,
          periods,
          today,
        )
      : [];
  const coverage =
    rule.kind === 'coverage'
      ? coverageCompliance(
          { kind: 'coverage', activityTypes, period, percent: rule.percent },
          subjects,
          activities,
          periods,
          today,
        )
      : [];
  const statuses = [...cells, ...coverage].map((c) => c.status);
  const n = (s: string) => statuses.filter((x) => x === s).length;
  return {
    periods,
    subjects: subjects.map((s) => ({ key: s.key, label: s.label })),
    cells,
    coverage,
    summary: { met: n('met'), atRisk: n('at_risk'), missed: n('missed'), over: n('over') },
  };
}
