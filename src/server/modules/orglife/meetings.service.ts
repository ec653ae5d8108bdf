import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { attendancePct } from '../../../domain/attendance.js';
import { meetingPolicy, type MeetingCan, type MeetingStatus } from '../../../domain/policies/meeting.js';
import { canSeeList } from '../../../domain/policies/self-check-list.js';
import { canSeeOpinionItems } from '../../../domain/policies/opinion-item.js';
import { isBranchSecretary, isLeadership } from '../../../domain/policies/who.js';
import { hasPermission, type Actor } from '../../../domain/roles.js';
import type { ZMeetingBody, ZMeetingRecordBody } from '../../../shared/contracts/orglife.js';
import { authorize } from '../../authorize.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { orglifeRepo, type MeetingRow } from './orglife.repo.js';
import { talkFigures } from './talks.service.js';
import { readinessOf } from './readiness.service.js';
import { assertInUnit } from '../unit-ids.repo.js';

export type RosterPerson = Awaited<ReturnType<typeof orglifeRepo.roster>>[number];
/** The people the meeting is about: in-service Party members. */
export const membersOf = (roster: RosterPerson[]) => roster.filter((p) => p.isPartyMember);

/**
 * The meeting if the actor may see it (404), and the action asked for allowed: refused for the
 * meeting's state with the caller's message (400), for who the actor is with 403.
 */
export async function meetingOr404(
  deps: AppDeps,
  actor: Actor,
  id: string,
  action?: keyof MeetingCan,
  refusedWhen: Partial<Record<MeetingStatus, string>> = {},
): Promise<MeetingRow> {
  const m = await orglifeRepo.meeting(deps.db, actor.unitId, id);
  const can = m && meetingPolicy(actor, { unitId: m.unitId, status: m.status as MeetingStatus });
  if (!m || !can?.see) throw notFound('组织生活会');
  if (action && !can[action]) {
    const stateRefusal = refusedWhen[m.status as MeetingStatus];
    if (stateRefusal) throw badRequest(stateRefusal);
    authorize(can, action, '只有支部书记或活动办公室可以办理');
  }
  return m;
}

/** The campaign and the opinion form a meeting refers to are the unit's (on creation and on every change). */
const checkMeetingRefs = (deps: AppDeps, actor: Actor, b: z.infer<typeof ZMeetingBody>) =>
  assertInUnit(
    deps.db,
    actor.unitId,
    { campaign: b.campaignId, opinionForm: b.formId },
    { opinionForm: '所选征求意见表不存在' },
  );

export async function createMeeting(deps: AppDeps, actor: Actor, b: z.infer<typeof ZMeetingBody>) {
  await checkMeetingRefs(deps, actor, b);
  const at = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const m = await orglifeRepo.insertMeeting(tx, {
      unitId: actor.unitId,
      ...b,
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'org_life_meeting',
      entityId: m.id,
      action: 'create',
      after: b,
    });
    return m.id;
  });
  return meetingDetail(deps, actor, id);
}

export async function listMeetings(deps: AppDeps, actor: Actor, page: number, pageSize: number) {
  const { rows, total } = await orglifeRepo.meetingsPage(deps.db, actor.unitId, pageSize, (page - 1) * pageSize);
  return {
    items: rows.map((m) => ({
      id: m.id,
      title: m.title,
      status: m.status as 'preparing' | 'held',
      plannedOn: m.plannedOn,
      heldOn: m.heldOn,
    })),
    total,
    page,
    pageSize,
  };
}

/** Settings the branch may change while preparing: the form, the date, the attendance rule, the talk settings. */
export async function updateMeeting(
  deps: AppDeps,
  actor: Actor,
  id: string,
  b: z.infer<typeof ZMeetingBody> & { version: number },
) {
  const m = await meetingOr404(deps, actor, id, 'edit', { held: '会议已召开，不能再修改设置' });
  await checkMeetingRefs(deps, actor, b);
  const { version, ...patch } = b;
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const rows = await orglifeRepo.updateMeeting(tx, actor.unitId, id, version, { ...patch, updatedAt: at });
    if (rows.length !== 1) throw conflict('该会议已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'org_life_meeting',
      entityId: id,
      action: 'update',
      before: m,
      after: patch,
    });
  });
  return meetingDetail(deps, actor, id);
}

/** The meeting with its figures, the roster it concerns and what the reader may do. */
export async function meetingDetail(deps: AppDeps, actor: Actor, id: string) {
  const m = await meetingOr404(deps, actor, id);
  const [roster, lists, talks, responses, items, study, rectification] = await Promise.all([
    orglifeRepo.roster(deps.db, actor.unitId),
    orglifeRepo.lists(deps.db, actor.unitId, id),
    orglifeRepo.talks(deps.db, actor.unitId, id),
    m.formId ? orglifeRepo.responsesCount(deps.db, actor.unitId, m.formId) : Promise.resolve(0),
    m.formId ? orglifeRepo.opinionItemsOf(deps.db, actor.unitId, m.formId) : Promise.resolve([]),
    orglifeRepo.studySessions(deps.db, actor.unitId, id),
    orglifeRepo.rectificationItems(deps.db, actor.unitId, id),
  ]);
  const members = membersOf(roster);
  const personal = lists.filter((l) => l.personId);
  const attendance = m.attendance as z.infer<typeof ZMeetingRecordBody>['attendance'];
  const live = items.filter((i) => i.status !== 'merged');
  return {
    id: m.id,
    title: m.title,
    status: m.status as 'preparing' | 'held',
    campaignId: m.campaignId,
    formId: m.formId,
    plannedOn: m.plannedOn,
    heldOn: m.heldOn,
    place: m.place,
    minAttendancePct: m.minAttendancePct,
    leaderMax: m.leaderMax,
    committeeWithEachMember: m.committeeWithEachMember,
    version: m.version,
    secretaryReport: m.secretaryReport,
    minutes: m.minutes,
    attendance,
    selfCriticisms: m.selfCriticisms as { personId: string; text: string }[],
    criticisms: m.criticisms as { fromId: string; toId: string; text: string }[],
    people: roster.map((p) => ({
      id: p.id,
      name: p.name,
      departmentId: p.departmentId,
      member: p.isPartyMember,
      committee: p.branchRole === 'secretary' || p.branchRole === 'committee',
      secretary: p.branchRole === 'secretary',
      leadership: p.isLeadership,
    })),
    figures: {
      members: members.length,
      present: attendance.filter((a) => a.present).length,
      attendancePct: attendancePct(attendance.filter((a) => a.present).length, members.length),
      studySessions: study.filter((s) => !s.withdrawnReason).length,
      responses,
      opinionItems: live.length,
      opinionsUnclassified: live.filter((i) => i.targetKind === null).length,
      adopted: live.filter((i) => i.status === 'adopted').length,
      aboutPersons: live.filter((i) => i.targetPersonId).length,
      ...talkFigures(m, talks, members),
      listsSubmitted: personal.filter((l) => l.status !== 'draft').length,
      listsApproved: personal.filter((l) => l.status === 'approved').length,
      listsReturned: personal.filter((l) => l.status === 'returned').length,
      rectificationItems: rectification.length,
    },
    readiness: readinessOf({ meeting: m, members, study, items, talks, lists }),
    holdOverride: (m.holdOverride as HoldOverride | null) ?? null,
    can: {
      ...meetingPolicy(actor, { unitId: m.unitId, status: m.status as MeetingStatus }),
      manage: hasPermission(actor, 'orglife.manage'),
      decideLists: isBranchSecretary(actor),
      seeAllLists: canSeeList(actor, '__someone_else__'),
      leadership: isLeadership(actor),
      seeOpinionItems: canSeeOpinionItems(actor),
    },
    me: actor.personId,
  };
}

export interface HoldOverride {
  gaps: string[];
  reason: string;
  by: string;
  byUserId: string;
}

/**
 * The gaps of the preparation a meeting is held with: none, or confirmed with a reason (400 listing them
 * without). Recording again after the meeting keeps what was confirmed when it was held.
 */
async function holdOverrideFor(
  deps: AppDeps,
  actor: Actor,
  m: MeetingRow,
  b: z.infer<typeof ZMeetingRecordBody>,
): Promise<HoldOverride | null> {
  if (m.status === 'held') return (m.holdOverride as HoldOverride | null) ?? null;
  const { readiness } = await meetingDetail(deps, actor, m.id);
  if (readiness.ready) return null;
  if (!b.holdDespiteGaps)
    throw badRequest(`会前准备尚未完成：${readiness.gaps.join('；')}。如确需召开，请确认并填写理由`);
  const by = (await orglifeRepo.roster(deps.db, actor.unitId)).find((p) => p.id === actor.personId)?.name;
  return {
    gaps: readiness.gaps,
    reason: b.holdDespiteGaps.reason,
    by: by ?? actor.displayName,
    byUserId: actor.userId,
  };
}

/**
 * 召开会议: attendance covers every member (absence needs a reason) and must reach the set rate;
 * the self-criticisms and criticisms name members of the branch.
 */
export async function recordMeeting(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZMeetingRecordBody>) {
  const m = await meetingOr404(deps, actor, id, 'record');
  if (b.heldOn > shanghaiDate(deps.clock.now())) throw badRequest('会议日期不能晚于今天');
  await assertInUnit(deps.db, actor.unitId, {
    person: [
      ...b.attendance.map((a) => a.personId),
      ...b.selfCriticisms.map((s) => s.personId),
      ...b.criticisms.flatMap((c) => [c.fromId, c.toId]),
    ],
  });
  const members = membersOf(await orglifeRepo.roster(deps.db, actor.unitId));
  const memberIds = new Set(members.map((p) => p.id));
  const listed = new Set(b.attendance.map((a) => a.personId));
  if (listed.size !== b.attendance.length) throw badRequest('参会登记中有重复人员');
  const stranger = b.attendance.find((a) => !memberIds.has(a.personId));
  if (stranger) throw badRequest('参会登记中有非本支部在职党员');
  const missing = members.find((p) => !listed.has(p.id));
  if (missing) throw badRequest(`请登记${missing.name}的参会情况`);
  const noReason = b.attendance.find((a) => !a.present && !a.reason);
  if (noReason) throw badRequest(`请填写${members.find((p) => p.id === noReason.personId)!.name}的缺席原因`);
  const pct = attendancePct(b.attendance.filter((a) => a.present).length, members.length);
  if (pct < m.minAttendancePct) throw badRequest(`到会率 ${pct}% 低于规定的 ${m.minAttendancePct}%，不能召开，请改期`);
  const named = [...b.selfCriticisms.map((s) => s.personId), ...b.criticisms.flatMap((c) => [c.fromId, c.toId])];
  if (named.some((p) => !memberIds.has(p))) throw badRequest('批评与自我批评只能记录本支部党员');
  if (b.criticisms.some((c) => c.fromId === c.toId)) throw badRequest('批评意见的提出人和被批评人不能是同一人');
  const holdOverride = await holdOverrideFor(deps, actor, m, b);
  const { version, holdDespiteGaps: _confirmed, ...patch } = b;
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const rows = await orglifeRepo.updateMeeting(tx, actor.unitId, id, version, {
      ...patch,
      holdOverride,
      status: 'held',
      updatedAt: at,
    });
    if (rows.length !== 1) throw conflict('该会议已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'org_life_meeting',
      entityId: id,
      action: m.status === 'held' ? 'update_record' : 'hold',
      after: { heldOn: b.heldOn, attendancePct: pct, criticisms: b.criticisms.length, holdOverride },
    });
  });
  return meetingDetail(deps, actor, id);
}
