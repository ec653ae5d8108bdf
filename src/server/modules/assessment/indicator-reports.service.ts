/**
 * Reported values of 考核指标 (source `reported`): the owner (a department's head, the person) or the office
 * reports a value with evidence for a period that has begun; the office accepts it or returns it with a reason,
 * after which a new report may be made. One live (submitted or accepted) report per indicator and period.
 */
import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { PERIOD_KIND_LABELS, periodRange, type IndicatorPeriodKind } from '../../../domain/indicators.js';
import { indicatorPolicy, mayReviewReport } from '../../../domain/policies/assessment-indicator.js';
import type { Actor } from '../../../domain/roles.js';
import type { ZIndicatorReportBody, ZIndicatorReviewBody } from '../../../shared/contracts/assessment-indicators.js';
import { authorize } from '../../authorize.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { accessFacts, indicatorActor } from './indicator-present.js';
import { getIndicator, indicatorOr404 } from './indicators.service.js';
import { indicatorsRepo } from './indicators.repo.js';

export async function reportIndicatorValue(
  deps: AppDeps,
  actor: Actor,
  id: string,
  b: z.infer<typeof ZIndicatorReportBody>,
) {
  const reader = await indicatorActor(deps, actor);
  const row = await indicatorOr404(deps, reader, id);
  const i = row.indicator;
  if (i.source !== 'reported') throw badRequest('该指标由系统根据记录计算，不需要填报');
  authorize(
    indicatorPolicy(reader, accessFacts(row)),
    'report',
    '只有领导小组办公室、科室负责人（本科室指标）或本人（个人指标）可以填报未撤销的指标',
  );
  const period = periodRange(b.periodKey);
  if (!period || period.kind !== i.periodKind)
    throw badRequest(
      `该指标按${PERIOD_KIND_LABELS[i.periodKind as IndicatorPeriodKind]}考核，考核期“${b.periodKey}”不正确`,
    );
  if (period.start > shanghaiDate(deps.clock.now())) throw badRequest(`${period.label}尚未开始，不能填报`);
  if (i.unitLabel === '%' && (b.value < 0 || b.value > 100)) throw badRequest('百分比应在 0 至 100 之间');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await indicatorsRepo.lockReports(tx, actor.unitId, i.id, b.periodKey);
    const live = await indicatorsRepo.liveReport(tx, actor.unitId, i.id, b.periodKey);
    if (live)
      throw conflict(
        `${period.label}已有${live.status === 'accepted' ? '审核通过的' : '待审核的'}填报值，不能重复填报`,
      );
    const r = await indicatorsRepo.insertReport(tx, {
      unitId: actor.unitId,
      indicatorId: i.id,
      ...b,
      reportedBy: actor.userId,
      reportedByPerson: actor.personId,
      createdAt: at,
      updatedAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'assessment_indicator_report',
      entityId: r.id,
      action: 'submit',
      after: { indicatorId: i.id, ...b },
    });
  });
  return getIndicator(deps, actor, i.id);
}

export async function reviewIndicatorValue(
  deps: AppDeps,
  actor: Actor,
  id: string,
  reportId: string,
  b: z.infer<typeof ZIndicatorReviewBody>,
) {
  const reader = await indicatorActor(deps, actor);
  const row = await indicatorOr404(deps, reader, id);
  const report = await indicatorsRepo.report(deps.db, actor.unitId, row.indicator.id, reportId);
  if (!report) throw notFound('填报值');
  const can = indicatorPolicy(reader, accessFacts(row));
  authorize(can, 'review', '只有领导小组办公室可以审核填报值');
  if (report.status !== 'submitted') throw conflict('该填报值已审核，不能再次审核');
  if (!mayReviewReport(can, actor, report)) throw forbidden('不能审核自己填报的指标值，请由办公室其他人员审核');
  const [status, action] = b.decision === 'accept' ? ['accepted', 'approve' as const] : ['returned', 'return' as const];
  const reviewReason = b.decision === 'accept' ? (b.reason ?? null) : b.reason;
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const set = { status, reviewReason, reviewedBy: actor.userId, reviewedAt: at, updatedAt: at };
    const rows = await indicatorsRepo.updateReport(tx, actor.unitId, report.id, b.version, set);
    if (rows.length !== 1) throw conflict('该填报值已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'assessment_indicator_report',
      entityId: report.id,
      action,
      before: { status: report.status },
      after: { status, reviewReason },
    });
  });
  return getIndicator(deps, actor, row.indicator.id);
}
