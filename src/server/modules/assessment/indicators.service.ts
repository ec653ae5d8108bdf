/**
 * 考核指标 (measure 9): the office sets them up for departments and people, edits them at the version read and
 * withdraws them with a reason; readers see them as domain/policies/assessment-indicator says (404 for an
 * indicator they may not see, or of another unit).
 */
import type { z } from 'zod';
import { changedFields } from '../../../domain/changes.js';
import { indicatorProblem, type IndicatorFacts } from '../../../domain/indicators.js';
import {
  headOf,
  indicatorPolicy,
  indicatorsPolicy,
  opensIndicators,
  seesAllIndicators,
  type IndicatorActor,
} from '../../../domain/policies/assessment-indicator.js';
import type { Actor } from '../../../domain/roles.js';
import type {
  ZIndicatorBody,
  ZIndicatorEdit,
  ZIndicatorQuery,
  ZIndicatorWithdraw,
} from '../../../shared/contracts/assessment-indicators.js';
import { authorize } from '../../authorize.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { accessFacts, indicatorActor, presentDetail, presentList } from './indicator-present.js';
import { indicatorsRepo, type IndicatorScope } from './indicators.repo.js';

const OFFICE_ONLY = '只有领导小组办公室可以设置考核指标';

export async function listIndicators(deps: AppDeps, actor: Actor, q: z.infer<typeof ZIndicatorQuery>) {
  if (!opensIndicators(actor)) throw forbidden('考核指标只对单位领导、领导小组办公室、科室负责人和本人可见');
  const reader = await indicatorActor(deps, actor);
  const scope: IndicatorScope = seesAllIndicators(actor)
    ? { all: true }
    : {
        all: false,
        departmentIds: reader.departmentId ? [reader.departmentId] : [],
        headedIds: headOf(actor),
        personId: actor.personId,
      };
  const offset = (q.page - 1) * q.pageSize;
  const { rows, total } = await indicatorsRepo.page(deps.db, actor.unitId, scope, q, q.pageSize, offset);
  return {
    items: await presentList(deps, reader, rows),
    total,
    page: q.page,
    pageSize: q.pageSize,
    can: indicatorsPolicy(actor),
  };
}

/** The indicator if the reader may see it; 404 otherwise (whether it exists elsewhere or not). */
export async function indicatorOr404(deps: AppDeps, reader: IndicatorActor, id: string) {
  const row = await indicatorsRepo.one(deps.db, reader.unitId, id);
  if (!row || !indicatorPolicy(reader, accessFacts(row)).see) throw notFound('考核指标');
  return row;
}

export async function getIndicator(deps: AppDeps, actor: Actor, id: string) {
  const reader = await indicatorActor(deps, actor);
  return presentDetail(deps, reader, await indicatorOr404(deps, reader, id));
}

/** The owner and the measure are of the unit; the numbers fit the source (domain/indicators indicatorProblem). */
async function check(deps: AppDeps, actor: Actor, facts: IndicatorFacts, ownerId: string, measureId: string | null) {
  const problem = indicatorProblem(facts);
  if (problem) throw badRequest(problem);
  await assertInUnit(deps.db, actor.unitId, { [facts.ownerKind]: ownerId });
  if (measureId && !(await indicatorsRepo.measure(deps.db, actor.unitId, measureId)))
    throw badRequest('所选措施不存在');
}

export async function createIndicator(deps: AppDeps, actor: Actor, b: z.infer<typeof ZIndicatorBody>) {
  authorize(indicatorsPolicy(actor), 'create', OFFICE_ONLY);
  await check(deps, actor, b, b.ownerId, b.measureId);
  const at = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const r = await indicatorsRepo.insert(tx, {
      unitId: actor.unitId,
      ...b,
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'assessment_indicator',
      entityId: r.id,
      action: 'create',
      after: b,
    });
    return r.id;
  });
  return getIndicator(deps, actor, id);
}

async function change(
  deps: AppDeps,
  actor: Actor,
  row: Awaited<ReturnType<typeof indicatorOr404>>,
  version: number,
  set: Record<string, unknown>,
  action: 'update' | 'withdraw',
) {
  const diff = changedFields(row.indicator as Record<string, unknown>, set);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const rows = await indicatorsRepo.update(tx, actor.unitId, row.indicator.id, version, { ...set, updatedAt: at });
    if (rows.length !== 1) throw conflict('该考核指标已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'assessment_indicator',
      entityId: row.indicator.id,
      action,
      before: diff.before,
      after: diff.after,
    });
  });
  return getIndicator(deps, actor, row.indicator.id);
}

export async function editIndicator(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZIndicatorEdit>) {
  const reader = await indicatorActor(deps, actor);
  const row = await indicatorOr404(deps, reader, id);
  authorize(indicatorPolicy(reader, accessFacts(row)), 'edit', '只有领导小组办公室可以修改未撤销的考核指标');
  const i = row.indicator;
  const facts = { ...b, source: i.source, ownerKind: i.ownerKind } as IndicatorFacts;
  await check(deps, actor, facts, i.ownerId, b.measureId);
  const { version, ...set } = b;
  return change(deps, actor, row, version, set, 'update');
}

export async function withdrawIndicator(
  deps: AppDeps,
  actor: Actor,
  id: string,
  b: z.infer<typeof ZIndicatorWithdraw>,
) {
  const reader = await indicatorActor(deps, actor);
  const row = await indicatorOr404(deps, reader, id);
  authorize(indicatorPolicy(reader, accessFacts(row)), 'withdraw', '只有领导小组办公室可以撤销未撤销的考核指标');
  return change(deps, actor, row, b.version, { withdrawnReason: b.reason }, 'withdraw');
}
