import { clusterFlags, type ClusterSettings, type PlannedInspection } from '../../../domain/inspection-plan.js';
import { flagKey, flagSentence, CLUSTER_KIND_LABELS } from '../../../domain/inspection-plan-text.js';
import { oversightPolicy } from '../../../domain/policies/oversight.js';
import type { Actor } from '../../../domain/roles.js';
import { oversees } from '../../../domain/unit-tree.js';
import type { TClusterFlag } from '../../../shared/contracts/oversight-plan.js';
import { authorize } from '../../authorize.js';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import { calendarForUnit } from '../calendar/calendar.service.js';
import { orgRepo } from '../org/org.repo.js';
import { inspectionPlanRepo as repo, type InspectionPlanRow } from './plan.repo.js';

/** The plan is the upper unit's own: its overseers read it, its 督查室 (a unit-wide oversight grant) manages it. */
export function planCanOr403(actor: Actor, manage = false) {
  const can = oversightPolicy(actor);
  if (!can.read) throw forbidden('督查检查计划只有上级督查人员可以查看');
  if (manage) authorize(can, 'manage', '只有本单位督查室（全单位的上级督查权限）可以修改督查检查计划');
  return can;
}

export async function planOr404(db: Db, actor: Actor, id: string) {
  const plan = await repo.plan(db, actor.unitId, id);
  if (!plan) throw notFound('督查检查计划');
  return plan;
}

/** Only a draft is edited; an approved plan records what happened and nothing else. */
export function assertDraft(plan: InspectionPlanRow) {
  if (plan.status !== 'draft') throw conflict(`${plan.year}年度督查检查计划已批准，不能再修改；可登记已开展的督查检查`);
}

export const settingsOf = (p: InspectionPlanRow): ClusterSettings => ({
  maxWithinWindow: p.maxWithinWindow,
  windowWorkingDays: p.windowWorkingDays,
  yearQuota: p.yearQuota,
  monthQuota: p.monthQuota,
});

/**
 * The inspected units, each an active unit of the actor's overseen subtree (never its own unit). A unit outside
 * is refused without saying whether it exists.
 */
export async function checkInspectedUnits(db: Db, actor: Actor, ids: string[]) {
  const unique = [...new Set(ids)];
  const found = new Map((await repo.unitsByIds(db, unique)).map((u) => [u.id, u]));
  for (const id of unique) {
    const u = found.get(id);
    if (!u || !oversees(actor, id, await orgRepo.ancestors(db, id)))
      throw badRequest('所选被检查单位不存在或不在本单位的督查范围内');
    if (u.deactivatedAt) throw badRequest(`“${u.name}”已停用，不能安排督查检查`);
  }
  return unique;
}

/** Every 扎堆 of the plan's live inspections under the plan's settings and the upper unit's working days. */
export async function flagsOf(db: Db, actor: Actor, plan: InspectionPlanRow): Promise<TClusterFlag[]> {
  const live = await repo.live(db, actor.unitId, plan.id);
  const unitsOf = await repo.unitsOf(
    db,
    actor.unitId,
    live.map((i) => i.id),
  );
  const planned: PlannedInspection[] = live.map((i) => ({
    id: i.id,
    subject: i.subject,
    kind: i.kind as PlannedInspection['kind'],
    team: i.team,
    startsOn: i.startsOn,
    unitIds: (unitsOf.get(i.id) ?? []).map((u) => u.id),
  }));
  const settings = settingsOf(plan);
  const flags = clusterFlags(planned, settings, await calendarForUnit(db, actor.unitId));
  const names = new Map([...unitsOf.values()].flat().map((u) => [u.id, u.name]));
  const subjects = new Map(live.map((i) => [i.id, i.subject]));
  const kept = new Map((await repo.acks(db, actor.unitId, plan.id)).map((a) => [a.flagKey, a.reason]));
  return flags.map((f) => {
    const unitName = names.get(f.unitId) ?? '（单位）';
    return {
      ...f,
      key: flagKey(f),
      kindLabel: CLUSTER_KIND_LABELS[f.kind],
      unitName,
      text: flagSentence(f, unitName, subjects, settings),
      keptReason: kept.get(flagKey(f)) ?? null,
    };
  });
}
