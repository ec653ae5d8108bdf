/**
 * How the inspection plan (督查检查计划) is told to the user: the labels of kinds and states, the key under which
 * the 督查室's reason for keeping a 扎堆 flag is stored, and each flag's sentence. Pure.
 */
import type { ClusterFlag, ClusterKind, ClusterSettings } from './inspection-plan.js';

export const INSPECTION_KINDS = ['comprehensive', 'special'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_KIND_LABELS: Record<InspectionKind, string> = { comprehensive: '综合', special: '专项' };

export const INSPECTION_STATUSES = ['planned', 'merged', 'withdrawn', 'done'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const INSPECTION_STATUS_LABELS: Record<InspectionStatus, string> = {
  planned: '计划中',
  merged: '已合并',
  withdrawn: '已撤销',
  done: '已开展',
};

export const PLAN_STATUSES = ['draft', 'approved'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = { draft: '草稿', approved: '已批准' };

export const CLUSTER_KIND_LABELS: Record<ClusterKind, string> = {
  crowded: '密集',
  sameWeek: '同周',
  yearQuota: '超年控',
  monthQuota: '超月控',
};

/** One flag's identity across recomputations: the same kind, unit and period is the same 扎堆. */
export const flagKey = (f: Pick<ClusterFlag, 'kind' | 'unitId' | 'period'>) => `${f.kind}:${f.unitId}:${f.period}`;

/** The flags that still need a reason to be kept at approval: those without one among `reasons` (by key). */
export const unacknowledged = <F extends ClusterFlag>(flags: readonly F[], reasons: ReadonlyMap<string, string>) =>
  flags.filter((f) => !(reasons.get(flagKey(f))?.trim().length ?? 0));

/** The sentence of a flag: the unit, the inspections (by subject) and the rule broken. */
export function flagSentence(
  f: ClusterFlag,
  unitName: string,
  subjects: ReadonlyMap<string, string>,
  s: ClusterSettings,
): string {
  const list = f.inspectionIds.map((id) => `“${subjects.get(id) ?? id}”`).join('、');
  const n = f.inspectionIds.length;
  switch (f.kind) {
    case 'crowded':
      return `${unitName}：${list}自${f.period}起${s.windowWorkingDays}个工作日内共${n}次，超过${s.maxWithinWindow}次`;
    case 'sameWeek':
      return `${unitName}：${list}由不同督查组在同一周（${f.period}起）进驻`;
    case 'yearQuota':
      return `${unitName}：${f.period}年共${n}次（${list}），超过年控${s.yearQuota}次`;
    case 'monthQuota':
      return `${unitName}：${f.period.replace('-', '年')}月共${n}次（${list}），超过月控${s.monthQuota}次`;
  }
}

/** 随机抽查: what the draw takes from, and the checker's results. */
export const SPOT_SCOPES = ['open', 'closed', 'all'] as const;
export type SpotScope = (typeof SPOT_SCOPES)[number];
export const SPOT_SCOPE_LABELS: Record<SpotScope, string> = {
  open: '未办结事项',
  closed: '已办结事项',
  all: '全部事项',
};
export const SPOT_RESULTS = ['true', 'false', 'rectify'] as const;
export type SpotResult = (typeof SPOT_RESULTS)[number];
export const SPOT_RESULT_LABELS: Record<SpotResult, string> = { true: '属实', false: '不属实', rectify: '需整改' };
