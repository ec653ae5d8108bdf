import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { canSeeTalk, talkPolicy, mayRecordTalk } from '../../../domain/policies/talk.js';
import type { Actor } from '../../../domain/roles.js';
import {
  planTalks,
  talkCoverage,
  TALK_KIND_LABELS,
  type PlannedTalk,
  type TalkKind,
} from '../../../domain/talk-plan.js';
import type { ZTalkBody } from '../../../shared/contracts/orglife.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { meetingOr404, membersOf, type RosterPerson } from './meetings.service.js';
import { orglifeRepo, type MeetingRow, type TalkRow } from './orglife.repo.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { authorize } from '../../authorize.js';

const live = (talks: TalkRow[]) => talks.filter((t) => !t.voidedReason);

/** Completion figures: the plan's talks held, and members who have had a talk (the seed's “完成20个在职党员的谈心谈话”). */
export function talkFigures(m: Pick<MeetingRow, 'talkPlan'>, talks: TalkRow[], members: Pick<RosterPerson, 'id'>[]) {
  const plan = m.talkPlan as PlannedTalk[];
  const held = live(talks).map((t) => ({ a: t.aPersonId, b: t.bPersonId }));
  const { done } = talkCoverage(plan, held);
  const talked = new Set(held.flatMap((t) => [t.a, t.b]));
  return {
    talksPlanned: plan.length,
    talksPlannedDone: done.length,
    talksHeld: held.length,
    membersTalked: members.filter((p) => talked.has(p.id)).length,
  };
}

/** Generates the four kinds of talks from the roster, the branch committee and the leadership, and stores the plan. */
export async function generatePlan(deps: AppDeps, actor: Actor, id: string, version: number) {
  const m = await meetingOr404(deps, actor, id, 'planTalks', { held: '会议已召开，不能再调整谈话计划' });
  const [roster, inCharge] = await Promise.all([
    orglifeRepo.roster(deps.db, actor.unitId),
    // The 分管领导 on the meeting's date: a change of charge after it does not rewrite the plan's pairs.
    orglifeRepo.inChargeByDepartment(deps.db, actor.unitId, m.heldOn ?? m.plannedOn),
  ]);
  const members = membersOf(roster);
  if (members.length === 0) throw badRequest('花名册中没有在职党员，请先在花名册中标注党员');
  if (!members.some((p) => p.isLeadership)) throw badRequest('花名册中没有班子成员，无法安排“一对三”谈话');
  const plan = planTalks(
    members.map((p) => ({
      id: p.id,
      committee: p.branchRole === 'secretary' || p.branchRole === 'committee',
      leadership: p.isLeadership,
      member: true,
      departmentId: p.departmentId,
      inChargeId: p.departmentId ? (inCharge.get(p.departmentId) ?? null) : null,
    })),
    { leaderMax: m.leaderMax, committeeWithEachMember: m.committeeWithEachMember },
  );
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const rows = await orglifeRepo.updateMeeting(tx, actor.unitId, id, version, {
      talkPlan: plan.talks,
      updatedAt: at,
    });
    if (rows.length !== 1) throw conflict('该会议已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'org_life_meeting',
      entityId: id,
      action: 'talk_plan',
      after: { talks: plan.talks.length, load: plan.load, uncovered: plan.uncovered.length },
    });
  });
  return talkView(deps, actor, id);
}

/**
 * The plan with what is done, the “一对三” load per leader, the coverage of members, and the
 * records the reader may read (the fact that a talk was held is not private; its content is).
 */
export async function talkView(deps: AppDeps, actor: Actor, id: string) {
  const m = await meetingOr404(deps, actor, id);
  const [roster, talks] = await Promise.all([
    orglifeRepo.roster(deps.db, actor.unitId),
    orglifeRepo.talks(deps.db, actor.unitId, id),
  ]);
  const names = new Map(roster.map((p) => [p.id, p.name]));
  const members = membersOf(roster);
  const plan = m.talkPlan as PlannedTalk[];
  const held = live(talks).map((t) => ({ a: t.aPersonId, b: t.bPersonId }));
  const { done } = talkCoverage(plan, held);
  const doneSet = new Set(done);
  const load: Record<string, number> = {};
  for (const t of plan) if (t.kind === 'one_to_three') load[t.a] = (load[t.a] ?? 0) + 1;
  const oneToThree = new Set(plan.filter((t) => t.kind === 'one_to_three').map((t) => t.b));
  const leaders = members.filter((p) => p.isLeadership);
  return {
    plan: plan.map((t) => ({
      ...t,
      kindLabel: TALK_KIND_LABELS[t.kind],
      aName: names.get(t.a) ?? '（已离开）',
      bName: names.get(t.b) ?? '（已离开）',
      done: doneSet.has(t),
    })),
    leaders: leaders.map((l) => ({ id: l.id, name: l.name, load: load[l.id] ?? 0 })),
    coverage: members.map((p) => ({
      id: p.id,
      name: p.name,
      leadership: p.isLeadership,
      oneToThree: p.isLeadership || oneToThree.has(p.id),
      talked: held.some((t) => t.a === p.id || t.b === p.id),
      with: [...new Set(held.flatMap((t) => (t.a === p.id ? [t.b] : t.b === p.id ? [t.a] : [])))].map(
        (x) => names.get(x) ?? '',
      ),
    })),
    figures: talkFigures(m, talks, members),
    records: talks.map((t) => presentTalk(actor, t, names)),
  };
}

function presentTalk(actor: Actor, t: TalkRow, names: Map<string, string>) {
  const can = talkPolicy(actor, { ...t, voided: !!t.voidedReason });
  const readable = can.see;
  return {
    can,
    id: t.id,
    kind: t.kind as TalkKind,
    kindLabel: TALK_KIND_LABELS[t.kind as TalkKind],
    aPersonId: t.aPersonId,
    bPersonId: t.bPersonId,
    aName: names.get(t.aPersonId) ?? '',
    bName: names.get(t.bPersonId) ?? '',
    heldOn: t.heldOn,
    voidedReason: t.voidedReason,
    readable,
    place: readable ? t.place : '',
    topics: readable ? t.topics : '',
    problems: readable ? t.problems : '',
    suggestions: readable ? t.suggestions : '',
  };
}

/** One of the two sides records the talk (or whoever runs the meeting's preparation). */
export async function recordTalk(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZTalkBody>) {
  const m = await meetingOr404(deps, actor, id);
  if (b.aPersonId === b.bPersonId) throw badRequest('谈话双方不能是同一人');
  await assertInUnit(deps.db, actor.unitId, { person: [b.aPersonId, b.bPersonId] });
  if (b.heldOn > shanghaiDate(deps.clock.now())) throw badRequest('谈话日期不能晚于今天');
  if (m.status === 'held' && b.heldOn > (m.heldOn ?? b.heldOn)) throw badRequest('会前谈话应在会议召开之前');
  if (!mayRecordTalk(actor, b)) throw forbidden('只有谈话双方或组织生活会的组织者可以登记谈话');
  if (!actor.personId) throw badRequest('当前账号未关联人员，不能登记谈话');
  const members = new Set(membersOf(await orglifeRepo.roster(deps.db, actor.unitId)).map((p) => p.id));
  if (!members.has(b.aPersonId) || !members.has(b.bPersonId)) throw badRequest('谈话双方应为本支部在职党员');
  const at = deps.clock.now();
  const recordedBy = actor.personId;
  await deps.db.transaction(async (tx) => {
    const t = await orglifeRepo.insertTalk(tx, {
      unitId: actor.unitId,
      meetingId: id,
      ...b,
      recordedBy,
      createdAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'talk_record',
      entityId: t.id,
      action: 'create',
      after: { kind: b.kind, heldOn: b.heldOn },
    });
  });
  return talkView(deps, actor, id);
}

export async function voidTalk(deps: AppDeps, actor: Actor, talkId: string, reason: string) {
  const t = await orglifeRepo.talk(deps.db, actor.unitId, talkId);
  if (!t || !canSeeTalk(actor, t)) throw notFound('谈话记录');
  if (t.voidedReason) throw badRequest('该记录已作废');
  authorize(talkPolicy(actor, { ...t, voided: false }), 'void', '只有登记人可以作废谈话记录');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await orglifeRepo.voidTalk(tx, actor.unitId, talkId, reason);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'talk_record',
      entityId: talkId,
      action: 'void',
      after: { reason },
    });
  });
  return talkView(deps, actor, t.meetingId);
}
