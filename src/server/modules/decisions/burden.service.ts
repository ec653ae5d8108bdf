/**
 * The 减负 view (measure 38): the year's plan against what was issued (the 发文 register) and held (decision
 * meetings, and campaign activities of the meeting type), per month, for the unit or one department; quarter
 * quotas of 临时 meetings, over-length meetings and meetings that could have been merged. Every figure comes
 * from the rows read here (domain/burden.ts computes them).
 */
import type { z } from 'zod';
import {
  burdenByDepartment,
  burdenFigures,
  mergeSuggestions,
  planEntriesOf,
  type HeldMeeting,
  type PlanEntryFact,
  type PlanKind,
} from '../../../domain/burden.js';
import type { Actor } from '../../../domain/roles.js';
import type { TBurdenView, ZBurdenQuery } from '../../../shared/contracts/decision-plan.js';
import { badRequest, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import type { XlsxColumn } from '../../xlsx-stream.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { calendarForUnit } from '../calendar/calendar.service.js';
import { planRepo } from './plan.repo.js';
import { burdenSettingsOf, planCanOr403 } from './plan.service.js';
import { assertInUnit } from '../unit-ids.repo.js';

/** What the year held: decision meetings (attendees: those present, else the members) and meeting activities. */
async function heldMeetings(deps: AppDeps, unitId: string, year: number, entries: PlanEntryFact[]) {
  const [decisions, acts] = await Promise.all([
    planRepo.heldDecisionMeetings(deps.db, unitId, year),
    planRepo.meetingActivities(deps.db, unitId, year),
  ]);
  const organiser = new Map(entries.map((e) => [e.id, e.departmentId]));
  const fromDecisions: HeldMeeting[] = decisions.map((m) => ({
    id: m.id,
    source: 'decision',
    subKind: m.kind,
    title: m.title,
    heldOn: m.heldOn,
    // A decision meeting has no department of its own: its plan entry's organiser stands for it.
    departmentId: m.planEntryId ? (organiser.get(m.planEntryId) ?? null) : null,
    planEntryId: m.planEntryId,
    unplannedReason: m.unplannedReason,
    durationMinutes: m.durationMinutes,
    attendeeIds: m.presentIds.length ? m.presentIds : m.memberIds,
  }));
  const fromActivities: HeldMeeting[] = acts.map(({ a, reason }) => ({
    id: a.id,
    source: 'activity',
    subKind: a.kind,
    title: a.title,
    heldOn: a.heldOn,
    departmentId: a.departmentId,
    planEntryId: null,
    unplannedReason: reason,
    durationMinutes: null,
    attendeeIds: a.participantIds,
  }));
  return [...fromDecisions, ...fromActivities];
}

export async function burdenView(deps: AppDeps, actor: Actor, q: z.infer<typeof ZBurdenQuery>): Promise<TBurdenView> {
  const can = planCanOr403(actor);
  await assertInUnit(deps.db, actor.unitId, { department: q.departmentId });
  const [settings, entryRows, documentRows, calendar, names] = await Promise.all([
    burdenSettingsOf(deps.db, actor.unitId),
    planRepo.liveEntries(deps.db, actor.unitId, q.year),
    planRepo.liveDocuments(deps.db, actor.unitId, q.year),
    calendarForUnit(deps.db, actor.unitId),
    planRepo.departmentNames(deps.db, actor.unitId),
  ]);
  const allEntries: PlanEntryFact[] = entryRows.map((e) => ({
    id: e.id,
    kind: e.kind as PlanKind,
    subKind: e.subKind,
    month: e.month,
    departmentId: e.organiserDepartmentId,
  }));
  const allMeetings = await heldMeetings(deps, actor.unitId, q.year, allEntries);
  // One department: its entries, and what it held or issued (matching stays against the whole plan).
  const mine = <T extends { departmentId: string | null }>(xs: T[]) =>
    q.departmentId ? xs.filter((x) => x.departmentId === q.departmentId) : xs;
  const meetings = mine(allMeetings);
  const documents = mine(documentRows);
  // Which entry each meeting fulfils is decided over the whole unit, whatever the department shown.
  const assigned = planEntriesOf(allMeetings, allEntries);
  const figures = burdenFigures(mine(allEntries), meetings, documents, settings, allEntries, assigned);
  const byId = new Map(meetings.map((m) => [m.id, m]));
  const brief = (id: string) => ({ id, title: byId.get(id)!.title, heldOn: byId.get(id)!.heldOn });
  const merges = mergeSuggestions(
    meetings,
    settings.mergeWithinWorkingDays,
    (a, b) => calendar.workingDaysBetween(a, b).days,
  ).map((g) => ({ ...g, first: brief(g.first), second: brief(g.second) }));
  const order = [...names.keys()];
  const departments = burdenByDepartment(allEntries, allMeetings, documentRows, order, assigned).map((d) => ({
    ...d,
    departmentName: d.departmentId ? (names.get(d.departmentId) ?? '（已撤销科室）') : '未指定科室',
  }));
  const { version: _v, ...limits } = settings;
  return { year: q.year, departmentId: q.departmentId ?? null, settings: limits, ...figures, departments, merges, can };
}

/**
 * The office records why a meeting activity was held unplanned (activities carry no plan link). Only a live,
 * non-confidential activity of the meeting type that no plan entry covers takes a reason.
 */
export async function recordActivityReason(deps: AppDeps, actor: Actor, activityId: string, reason: string) {
  planCanOr403(actor, true);
  const a = await planRepo.activity(deps.db, actor.unitId, activityId);
  if (!a || !a.active || a.confidential || a.type !== 'meeting') throw notFound('会议活动');
  const year = Number(a.heldOn.slice(0, 4));
  const entries = await planRepo.liveEntries(deps.db, actor.unitId, year);
  const facts = entries.map((e) => ({ ...e, kind: e.kind as PlanKind, departmentId: e.organiserDepartmentId }));
  // Planned or not is judged as the view judges it: among the year's meetings, one entry fulfils one meeting.
  if (planEntriesOf(await heldMeetings(deps, actor.unitId, year, facts), facts).get(a.id))
    throw badRequest('该会议已列入当月计划，无需说明理由');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const before = await planRepo.saveActivityReason(tx, {
      unitId: actor.unitId,
      activityId,
      reason,
      recordedBy: actor.userId,
      createdAt: at,
      updatedAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'activity',
      entityId: activityId,
      action: 'explain_unplanned',
      before: { unplannedReason: before },
      after: { unplannedReason: reason },
    });
  });
  return { ok: true as const };
}

export const BURDEN_COLUMNS: XlsxColumn[] = [
  { header: '月份', width: 8 },
  { header: '计划发文', width: 10 },
  { header: '实际发文', width: 10 },
  { header: '计划外发文', width: 11 },
  { header: '计划会议', width: 10 },
  { header: '实际会议', width: 10 },
  { header: '计划外会议', width: 11 },
  { header: '超时会议', width: 10 },
  { header: '计划外事项及理由', width: 60 },
];

const SOURCE_LABELS = { decision: '议事会议', activity: '会议活动', document: '发文' } as const;

/** The 减负 view as .xlsx: one row per month, a total row, then the quotas as the view flags them. */
export async function burdenSheet(deps: AppDeps, actor: Actor, q: z.infer<typeof ZBurdenQuery>) {
  const v = await burdenView(deps, actor, q);
  const rows: unknown[][] = v.months.map((m) => [
    `${m.month}月`,
    m.documents.planned,
    m.documents.issued,
    m.documents.unplanned,
    m.meetings.planned,
    m.meetings.held,
    m.meetings.unplanned,
    m.meetings.overLength,
    m.unplanned
      .map((u) => `${u.on} ${SOURCE_LABELS[u.source]}“${u.title}”：${u.reason ?? '未列入计划，未说明理由'}`)
      .join('\n'),
  ]);
  rows.push(
    [
      '合计',
      v.documents.planned,
      v.documents.issued,
      '',
      v.meetings.planned,
      v.meetings.held,
      v.meetings.unplanned,
      v.meetings.overLength,
      '',
    ],
    [
      '额度',
      `全年发文上限 ${v.documents.limit} 件${v.documents.exceeded ? '（已超出）' : ''}`,
      ...v.quarters.map(
        (x) => `第${x.quarter}季度临时会议 ${x.unplannedMeetings}/${x.limit}${x.exceeded ? '（已超出）' : ''}`,
      ),
    ],
  );
  async function* once() {
    yield rows;
  }
  return { fileName: `${q.year}年发文会议计划执行情况.xlsx`, rows: once() };
}
