import { randomInt } from 'node:crypto';
import { pickSpeakers } from '../../../domain/roll-call.js';
import type { Actor } from '../../../domain/roles.js';
import { badRequest, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { campaignsRepo } from './campaigns.repo.js';
import { loadActivity } from './activities.service.js';
import { activityPolicy } from '../../../domain/policies/activity.js';

const random = () => randomInt(0, 2 ** 31) / 2 ** 31;

async function studySession(deps: AppDeps, actor: Actor, activityId: string) {
  const { a } = await loadActivity(deps, actor, activityId);
  if (!activityPolicy(actor, a).readDetails) throw notFound('活动记录');
  if (a.type !== 'study') throw badRequest('只有学习研讨可以随机点名');
  if (!a.active) throw badRequest('该活动记录已撤销');
  return a;
}

/** The people called at a session, with what they shared. */
export async function rollCallOf(deps: AppDeps, actor: Actor, activityId: string) {
  await studySession(deps, actor, activityId);
  const [rows, people] = await Promise.all([
    campaignsRepo.rollCalls(deps.db, actor.unitId, activityId),
    campaignsRepo.people(deps.db, actor.unitId),
  ]);
  const name = new Map(people.map((p) => [p.id, p.name]));
  return rows.map((r) => ({ id: r.id, personId: r.personId, name: name.get(r.personId) ?? '—', shared: r.shared }));
}

/**
 * “1+N”: calls N of the people present at a study session, those called fewest times in the
 * campaign (or, outside a campaign, in the unit) first; once per session.
 */
export async function callSpeakers(deps: AppDeps, actor: Actor, activityId: string, n: number) {
  const a = await studySession(deps, actor, activityId);
  const present = a.participantIds.filter((p) => !a.absentIds.includes(p));
  if (present.length === 0) throw badRequest('请先登记参加学习的人员');
  const [already, counts] = await Promise.all([
    campaignsRepo.sessionCalled(deps.db, actor.unitId, activityId),
    campaignsRepo.callCounts(deps.db, actor.unitId, a.campaignId),
  ]);
  if (already) throw badRequest('本次学习已点名');
  const picked = pickSpeakers(present, new Map(counts.map((c) => [c.personId, c.n])), n, random);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await campaignsRepo.insertRollCalls(
      tx,
      picked.map((personId) => ({
        unitId: actor.unitId,
        campaignId: a.campaignId,
        activityId,
        personId,
        createdAt: at,
      })),
    );
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'activity',
      entityId: activityId,
      action: 'roll_call',
      after: { picked },
    });
  });
  return rollCallOf(deps, actor, activityId);
}

/** Records what a called person shared. */
export async function recordShare(deps: AppDeps, actor: Actor, activityId: string, rollCallId: string, shared: string) {
  await studySession(deps, actor, activityId);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const personId = await campaignsRepo.recordShare(tx, actor.unitId, activityId, rollCallId, shared);
    if (personId === undefined) throw notFound('点名记录');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'activity',
      entityId: activityId,
      action: 'record_share',
      after: { personId, shared },
    });
  });
  return rollCallOf(deps, actor, activityId);
}
