/**
 * 考核指标 as pages show them: each with its owner, its value in the current period and the three before it
 * (coloured by domain/indicators progressStatus), the trend, and what the reader may do (the policy's `can`).
 */
import { shanghaiDate } from '../../../domain/civil-date.js';
import {
  lastPeriods,
  periodKeyOf,
  periodRange,
  progressStatus,
  SOURCE_LABELS,
  TREND_LABELS,
  trendOf,
  type IndicatorDirection,
  type IndicatorPeriodKind,
  type IndicatorSource,
} from '../../../domain/indicators.js';
import {
  indicatorPolicy,
  mayReviewReport,
  readsItemEvidence,
  type IndicatorActor,
} from '../../../domain/policies/assessment-indicator.js';
import type { Actor } from '../../../domain/roles.js';
import type { TIndicator, TIndicatorDetail } from '../../../shared/contracts/assessment-indicators.js';
import type { AppDeps } from '../../types.js';
import { indicatorValues, type IndicatorValue } from './indicator-values.service.js';
import { indicatorsRepo, type IndicatorListRow } from './indicators.repo.js';

/** How many periods the list and the detail show: the current one and the three before it. */
export const TREND_PERIODS = 4;

export async function indicatorActor(deps: AppDeps, actor: Actor): Promise<IndicatorActor> {
  return { ...actor, departmentId: await indicatorsRepo.departmentOf(deps.db, actor.unitId, actor.personId) };
}

export const accessFacts = (r: IndicatorListRow) => ({
  unitId: r.indicator.unitId,
  ownerKind: r.indicator.ownerKind as 'department' | 'person',
  ownerId: r.indicator.ownerId,
  ownerDepartmentId: r.ownerDepartmentId,
  source: r.indicator.source,
  withdrawnReason: r.indicator.withdrawnReason,
});

/** The values of the rows over their last periods (per period kind: one computation per period). */
async function valuesOf(deps: AppDeps, unitId: string, rows: IndicatorListRow[]) {
  const today = shanghaiDate(deps.clock.now());
  const out = new Map<string, IndicatorValue[]>();
  const kinds = [...new Set(rows.map((r) => r.indicator.periodKind as IndicatorPeriodKind))];
  for (const kind of kinds) {
    const list = rows.filter((r) => r.indicator.periodKind === kind).map((r) => r.indicator);
    for (const key of lastPeriods(periodKeyOf(kind, today), TREND_PERIODS))
      for (const v of await indicatorValues(deps, unitId, list, key))
        out.set(v.indicatorId, [...(out.get(v.indicatorId) ?? []), v]);
  }
  return out;
}

function present(r: IndicatorListRow, values: IndicatorValue[], reader: IndicatorActor): TIndicator {
  const i = r.indicator;
  const direction = i.direction as IndicatorDirection;
  const trend = values.map((v) => ({
    periodKey: v.periodKey,
    periodLabel: periodRange(v.periodKey)!.label,
    value: v.value,
    missing: v.missing,
    status: progressStatus(v.value, i.target, direction),
  }));
  const word = trendOf(
    trend.map((t) => t.value),
    direction,
  );
  return {
    id: i.id,
    ownerKind: i.ownerKind as 'department' | 'person',
    ownerId: i.ownerId,
    ownerName: (i.ownerKind === 'person' ? r.personName : r.departmentName) ?? '（已删除）',
    departmentName: r.departmentName,
    measureId: i.measureId,
    measureLabel: r.measureNo === null ? null : `措施${r.measureNo}：${r.measureTitle}`,
    title: i.title,
    unitLabel: i.unitLabel,
    target: i.target,
    direction,
    periodKind: i.periodKind as IndicatorPeriodKind,
    source: i.source as IndicatorSource,
    sourceLabel: SOURCE_LABELS[i.source as IndicatorSource],
    withdrawnReason: i.withdrawnReason,
    version: i.version,
    trend,
    trendLabel: word && TREND_LABELS[word],
    can: indicatorPolicy(reader, accessFacts(r)),
  };
}

export async function presentList(deps: AppDeps, reader: IndicatorActor, rows: IndicatorListRow[]) {
  const values = await valuesOf(deps, reader.unitId, rows);
  return rows.map((r) => present(r, values.get(r.indicator.id) ?? [], reader));
}

export async function presentDetail(
  deps: AppDeps,
  reader: IndicatorActor,
  r: IndicatorListRow,
): Promise<TIndicatorDetail> {
  const [values, reports] = await Promise.all([
    valuesOf(deps, reader.unitId, [r]),
    indicatorsRepo.reports(deps.db, reader.unitId, r.indicator.id),
  ]);
  const list = values.get(r.indicator.id) ?? [];
  const base = present(r, list, reader);
  return {
    ...base,
    // The items behind a value only to those who may read them (the ledger's readers, a person their own).
    periods: base.trend.map((t, n) => ({
      ...t,
      evidence: readsItemEvidence(reader, accessFacts(r))
        ? list[n]!.evidence
        : list[n]!.evidence.filter((e) => e.kind !== 'item'),
    })),
    reports: reports.map(({ report: x, reporter }) => ({
      id: x.id,
      periodKey: x.periodKey,
      value: x.value,
      evidence: x.evidence,
      status: x.status as 'submitted' | 'accepted' | 'returned',
      reviewReason: x.reviewReason,
      reportedByName: reporter ?? '—',
      createdAt: x.createdAt.toISOString(),
      version: x.version,
      can: { review: mayReviewReport(base.can, reader, x) },
    })),
  };
}
