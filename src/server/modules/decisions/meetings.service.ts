/** Meetings that decide: preparing (create, edit, withdraw), holding (open with attendance) and closing them. */
import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { defaultMeetingTitle, heldOnCheck, minutesNumber } from '../../../domain/decision-meetings.js';
import { MEETING_KIND_LABELS, isMajor, type ItemCategory, type MeetingKind } from '../../../domain/decision-rules.js';
import { managesDecisionMeetings } from '../../../domain/policies/decision-meeting.js';
import type { Actor } from '../../../domain/roles.js';
import type { ZMeetingBody, ZMeetingClose, ZMeetingEdit, ZMeetingOpen } from '../../../shared/contracts/decisions.js';
import { authorize } from '../../authorize.js';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, forbidden } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { noticeAttendees, noticeMembers } from './meeting-notices.js';
import { ensureFollowUp, ensureFollowUpOfNext } from './follow-up.js';
import { liveItems, meetingOr404, presentMeeting } from './meeting-view.service.js';
import { MANAGERS_ONLY, defaultPeople } from './meetings-read.service.js';
import { meetingsRepo, type MeetingRow } from './meetings.repo.js';
import { planRepo } from './plan.repo.js';

type MeetingBody = z.infer<typeof ZMeetingBody>;
const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * The plan entry the meeting fulfils, or the reason it is held unplanned (measure 38). The entry is a live
 * meeting entry of the meeting's year and kind that no other live meeting fulfils (its month may differ: meetings
 * move). `self`: the meeting being edited.
 */
async function checkPlan(
  deps: AppDeps,
  actor: Actor,
  b: Pick<MeetingBody, 'planEntryId' | 'unplannedReason' | 'heldOn'> & { kind: string },
  self?: string,
) {
  if (b.planEntryId) {
    const e = await meetingsRepo.planEntry(deps.db, actor.unitId, b.planEntryId);
    if (!e || e.kind !== 'meeting' || e.withdrawnReason) throw badRequest('所选年度计划中的会议不存在或已撤销');
    if (e.year !== yearOf(b.heldOn)) throw badRequest(`所选计划条目属于${e.year}年度，与会议日期不符`);
    if (e.subKind !== b.kind)
      throw badRequest(
        `所选计划条目“${e.title}”不是${MEETING_KIND_LABELS[b.kind as MeetingKind]}，请选择同类会议的计划`,
      );
    const other = await planRepo.meetingUsing(deps.db, actor.unitId, e.id, self);
    if (other) throw conflict(`所选计划条目已由“${other.title}”落实，请选择其他计划条目或说明计划外理由`);
    return { planEntryId: e.id, unplannedReason: null };
  }
  const reason = b.unplannedReason?.trim() ?? '';
  if (reason.length < 2) throw badRequest('计划外召开的会议须说明召开理由（至少2个字）');
  return { planEntryId: null, unplannedReason: reason };
}

async function checkPeople(deps: AppDeps, actor: Actor, chair: string, recorder: string | null, members: string[]) {
  await assertInUnit(deps.db, actor.unitId, { person: [chair, recorder, ...members] });
  if (members.length === 0) throw badRequest('请选择参会成员');
  if (new Set(members).size !== members.length) throw badRequest('参会成员有重复');
  if (!members.includes(chair)) throw badRequest('主持会议的主要负责人应为参会成员');
}

function checkHeldOn(deps: AppDeps, heldOn: string) {
  const r = heldOnCheck(heldOn, shanghaiDate(deps.clock.now()));
  if (!r.ok) throw badRequest(r.message);
}

function checkKindName(kind: MeetingKind, kindName: string | null) {
  if (kind === 'other' && (kindName?.trim().length ?? 0) < 2)
    throw badRequest('请填写会议名称（如“安全生产委员会会议”）');
  return kind === 'other' ? kindName!.trim() : null;
}

async function audit(tx: Db, actor: Actor, at: Date, id: string, action: 'create' | 'update', after: unknown) {
  await recordAudit(tx, auditActorOf(actor), at, {
    unitId: actor.unitId,
    entityType: 'decision_meeting',
    entityId: id,
    action,
    after,
  });
}

export async function createMeeting(deps: AppDeps, actor: Actor, b: MeetingBody) {
  if (!managesDecisionMeetings(actor)) throw forbidden(MANAGERS_ONLY);
  checkHeldOn(deps, b.heldOn);
  const kindName = checkKindName(b.kind, b.kindName);
  const defaults = await defaultPeople(deps, actor.unitId, b.kind);
  const chair = b.chairPersonId ?? defaults.chairPersonId;
  if (!chair) throw badRequest('请选择主持会议的主要负责人（本单位尚未设置党组书记）');
  const members = b.memberIds ?? defaults.members.map((m) => m.id);
  if (!b.memberIds && !members.includes(chair)) members.unshift(chair);
  await checkPeople(deps, actor, chair, b.recorderPersonId, members);
  const plan = await checkPlan(deps, actor, b);
  const at = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    await meetingsRepo.lockNumbering(tx, actor.unitId);
    const sessionNo = await meetingsRepo.nextSessionNo(tx, actor.unitId, b.kind, kindName, yearOf(b.heldOn));
    const m = await meetingsRepo.insert(tx, {
      unitId: actor.unitId,
      kind: b.kind,
      kindName,
      sessionNo,
      title: b.title ?? defaultMeetingTitle(yearOf(b.heldOn), sessionNo, b.kind, kindName),
      heldOn: b.heldOn,
      startsAt: b.startsAt,
      place: b.place,
      chairPersonId: chair,
      recorderPersonId: b.recorderPersonId,
      memberIds: members,
      byCirculation: b.byCirculation,
      status: 'preparing',
      ...plan,
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
    });
    await audit(tx, actor, at, m.id, 'create', { kind: b.kind, heldOn: b.heldOn, sessionNo, ...plan });
    // Measure 26: the agenda opens with the report on the previous meeting's decisions.
    await ensureFollowUp(tx, actor, m, at);
    await noticeMembers(tx, m, 'scheduled', at);
    return m.id;
  });
  return presentMeeting(deps, actor, id);
}

/** One change of the meeting at the version read, with its audit event, in one transaction. */
export async function changeMeeting(
  deps: AppDeps,
  actor: Actor,
  m: MeetingRow,
  version: number,
  set: Partial<MeetingRow>,
  audit: { action: 'update' | 'withdraw' | 'open' | 'close'; after: unknown },
  alsoInTx?: (tx: Db, updated: MeetingRow) => Promise<void>,
) {
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const r = await meetingsRepo.update(tx, actor.unitId, m.id, version, { ...set, updatedAt: at });
    if (!r) throw conflict('该会议已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'decision_meeting',
      entityId: m.id,
      action: audit.action,
      after: audit.after,
    });
    await alsoInTx?.(tx, r);
  });
  return presentMeeting(deps, actor, m.id);
}

export async function editMeeting(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZMeetingEdit>) {
  const { row, items, can } = await meetingOr404(deps, actor, id);
  authorize(can, 'edit', '只有筹备中的会议可以修改（领导小组办公室、党组书记）');
  if (b.heldOn !== row.heldOn) checkHeldOn(deps, b.heldOn);
  const kindName = checkKindName(row.kind as MeetingKind, b.kindName);
  const chair = b.chairPersonId ?? row.chairPersonId;
  const members = b.memberIds ?? row.memberIds;
  await checkPeople(deps, actor, chair, b.recorderPersonId, members);
  const circulated = b.byCirculation && liveItems(items).find((i) => isMajor(i.category as ItemCategory));
  if (circulated) throw badRequest(`议题“${circulated.title}”是“三重一大”事项，必须会议集体研究，不能以传签方式决定`);
  const recusedOut = liveItems(items).find((i) => i.recusedIds.some((r) => !members.includes(r)));
  if (recusedOut) throw badRequest(`议题“${recusedOut.title}”的回避人员已不是参会成员，请先修改该议题`);
  const plan = await checkPlan(deps, actor, { ...b, kind: row.kind }, row.id);
  const set = {
    kindName,
    title: b.title,
    heldOn: b.heldOn,
    startsAt: b.startsAt,
    place: b.place,
    chairPersonId: chair,
    recorderPersonId: b.recorderPersonId,
    memberIds: members,
    byCirculation: b.byCirculation,
    ...plan,
  };
  const changed = (Object.keys(set) as (keyof typeof set)[]).filter(
    (k) => JSON.stringify(set[k]) !== JSON.stringify(row[k]),
  );
  return changeMeeting(deps, actor, row, b.version, set, { action: 'update', after: { changed } }, async (tx, m) => {
    await noticeMembers(tx, m, 'changed', deps.clock.now());
    await noticeAttendees(tx, m, items, 'changed', deps.clock.now());
  });
}

export async function withdrawMeeting(deps: AppDeps, actor: Actor, id: string, b: { reason: string; version: number }) {
  const { row, items, can } = await meetingOr404(deps, actor, id);
  authorize(can, 'withdraw', '只有筹备中的会议可以撤销（领导小组办公室、党组书记）');
  const set = { status: 'withdrawn', withdrawnReason: b.reason };
  return changeMeeting(deps, actor, row, b.version, set, { action: 'withdraw', after: {} }, async (tx, m) => {
    await noticeMembers(tx, m, 'withdrawn', deps.clock.now());
    await noticeAttendees(tx, m, items, 'withdrawn', deps.clock.now());
  });
}

/** Held: who attended (members only) and who was absent with the reason; every member is one or the other. */
export async function openMeeting(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZMeetingOpen>) {
  const { row, items, can } = await meetingOr404(deps, actor, id);
  authorize(can, 'open', '只有筹备中的会议可以开会登记（领导小组办公室、党组书记）');
  const present = [...new Set(b.presentIds)];
  if (present.some((p) => !row.memberIds.includes(p))) throw badRequest('出席人员应为本次会议的参会成员');
  if (b.absences.some((a) => !row.memberIds.includes(a.personId) || present.includes(a.personId)))
    throw badRequest('请假人员应为本次会议未出席的参会成员');
  const names = await meetingsRepo.names(deps.db, actor.unitId, row.memberIds);
  const unaccounted = row.memberIds.filter((m) => !present.includes(m) && !b.absences.some((a) => a.personId === m));
  if (unaccounted.length) throw badRequest(`请登记${unaccounted.map((m) => names.get(m)).join('、')}出席或请假的情况`);
  if (!present.includes(row.chairPersonId)) throw badRequest('主持会议的主要负责人未出席，请修改主持人后再开会');
  if (liveItems(items).length === 0) throw badRequest('会议还没有议题');
  const set = {
    status: 'in_session',
    presentIds: present,
    absences: JSON.stringify(b.absences),
    startsAt: b.startsAt ?? row.startsAt,
  };
  // The previous meeting may have decided after this one was created: its follow-up is added now at the latest.
  return changeMeeting(
    deps,
    actor,
    row,
    b.version,
    set,
    { action: 'open', after: { present: present.length, absent: b.absences.length } },
    (tx) => ensureFollowUp(tx, actor, row, deps.clock.now()),
  );
}

/** Closed: every live item decided; the minutes get the unit's next 纪要 number of the meeting's year. */
export async function closeMeeting(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZMeetingClose>) {
  const { row, items, can } = await meetingOr404(deps, actor, id);
  authorize(can, 'close', '只有已开会的会议可以结束（领导小组办公室、党组书记）');
  const open = liveItems(items).filter((i) => !i.outcome);
  if (open.length)
    throw badRequest(`还有${open.length}项议题未作出决定（第${open.map((i) => i.seq).join('、')}项），不能结束会议`);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await meetingsRepo.lockNumbering(tx, actor.unitId);
    const minutesNo = minutesNumber(
      yearOf(row.heldOn),
      await meetingsRepo.nextMinutesNo(tx, actor.unitId, yearOf(row.heldOn)),
    );
    const r = await meetingsRepo.update(tx, actor.unitId, row.id, b.version, {
      status: 'closed',
      minutesNo,
      durationMinutes: b.durationMinutes,
      updatedAt: at,
    });
    if (!r) throw conflict('该会议已被他人修改，请刷新后再试');
    await ensureFollowUpOfNext(tx, actor, r, at);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'decision_meeting',
      entityId: row.id,
      action: 'close',
      after: { minutesNo, durationMinutes: b.durationMinutes },
    });
  });
  return presentMeeting(deps, actor, row.id);
}

export const getMeeting = (deps: AppDeps, actor: Actor, id: string) => presentMeeting(deps, actor, id);
