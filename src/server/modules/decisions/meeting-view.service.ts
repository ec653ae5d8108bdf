/** Loading a meeting as its reader may see it, and presenting it (the items they may read, their `can`). */
import { shanghaiDate } from '../../../domain/civil-date.js';
import { colourOf } from '../../../domain/item-figures.js';
import { materialsDueBy, materialsLate } from '../../../domain/decision-meetings.js';
import {
  ITEM_CATEGORY_LABELS,
  MEETING_KIND_LABELS,
  OUTCOME_LABELS,
  POSITION_LABELS,
  isMajor,
  maySpeak,
  principalOf,
  type ItemCategory,
  type MeetingKind,
  type MeetingRules,
  type Outcome,
  type Position,
} from '../../../domain/decision-rules.js';
import {
  DECISION_MEETING_STATUS_LABELS,
  canReadAgendaItem,
  canSeeDecisionMeeting,
  decisionMeetingPolicy,
  type DecisionMeetingFacts,
  type DecisionMeetingStatus,
} from '../../../domain/policies/decision-meeting.js';
import type { Actor } from '../../../domain/roles.js';
import { ITEM_STATUSES, type ItemStatus, type ReportCadence } from '../../../domain/supervision.js';
import type { TAgendaItemView, TMeeting, TMeetingSummary } from '../../../shared/contracts/decisions.js';
import type { WorkdayCalendar } from '../../../domain/workdays.js';
import { notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { calendarForUnit } from '../calendar/calendar.service.js';
import { agendaRepo, type AgendaItemRow, type PositionRow } from './agenda.repo.js';
import { meetingRulesFor } from './meeting-rules.service.js';
import { meetingsRepo, type MeetingRow } from './meetings.repo.js';

export type DecisionRow = Awaited<ReturnType<typeof agendaRepo.decisions>>[number];

export const liveItems = (items: AgendaItemRow[]) => items.filter((i) => !i.withdrawnReason);

export const meetingFacts = (m: MeetingRow, items: AgendaItemRow[]): DecisionMeetingFacts => ({
  unitId: m.unitId,
  status: m.status as DecisionMeetingStatus,
  memberIds: m.memberIds,
  recorderPersonId: m.recorderPersonId,
  attendeeIds: [...new Set(liveItems(items).flatMap((i) => i.attendeeIds))],
});

export const itemFacts = (i: AgendaItemRow) => ({ category: i.category as ItemCategory, attendeeIds: i.attendeeIds });

/** Present, non-recused members: those who state a position on the item. */
export const votersOf = (m: MeetingRow, i: AgendaItemRow) => m.presentIds.filter((p) => !i.recusedIds.includes(p));

/** The speaking facts of an item: its voters, who states last (the 党组书记 when voting, else the chair), who spoke. */
export function speakingOf(m: MeetingRow, i: AgendaItemRow, secretaryId: string | null, spoken: string[]) {
  const voters = votersOf(m, i);
  return { voters, principalId: principalOf(voters, m.chairPersonId, secretaryId), spoken };
}

/** The meeting, or 404 for anyone its policy does not let see it (another unit's included). */
export async function meetingOr404(deps: AppDeps, actor: Actor, id: string) {
  const row = await meetingsRepo.byId(deps.db, actor.unitId, id);
  if (!row) throw notFound('议事会议');
  const items = await agendaRepo.items(deps.db, actor.unitId, [row.id]);
  const facts = meetingFacts(row, items);
  if (!canSeeDecisionMeeting(actor, facts)) throw notFound('议事会议');
  return { row, items, facts, can: decisionMeetingPolicy(actor, facts) };
}

const absencesOf = (m: MeetingRow) => JSON.parse(m.absences) as { personId: string; reason: string }[];

export function presentDecision(d: DecisionRow, today: string, calendar: WorkdayCalendar, last: LastReports) {
  const i = d.item;
  const status = i.status as ItemStatus;
  return {
    id: d.id,
    seq: d.seq,
    text: d.text,
    itemId: d.itemId,
    ownerName: d.ownerName,
    departmentName: d.departmentName,
    leaderName: d.leaderName,
    due: i.due,
    status,
    statusLabel: ITEM_STATUSES[status] ?? status,
    colour: colourOf(
      {
        status,
        due: i.due,
        cadence: i.cadence as ReportCadence,
        lastReportOn: i.lastReportOn,
        assignedOn: i.assignedOn,
      },
      today,
      calendar,
    ),
    lastProgress: last.get(i.id) ?? null,
  };
}
type LastReports = Awaited<ReturnType<typeof agendaRepo.lastReports>>;

/** Everything a meeting's presentation reads, loaded once. */
async function context(deps: AppDeps, actor: Actor, row: MeetingRow, items: AgendaItemRow[]) {
  const followed = [...new Set(items.flatMap((i) => (i.followUpOf ? [i.followUpOf] : [])))];
  const previous = await Promise.all(followed.map((id) => meetingsRepo.byId(deps.db, actor.unitId, id)));
  const [positions, decisions, previousItems, calendar, rules, secretaryId] = await Promise.all([
    agendaRepo.positions(
      deps.db,
      actor.unitId,
      items.map((i) => i.id),
    ),
    agendaRepo.decisions(deps.db, actor.unitId, [row.id, ...followed]),
    agendaRepo.items(deps.db, actor.unitId, followed),
    calendarForUnit(deps.db, actor.unitId),
    meetingRulesFor(deps, actor.unitId, row.heldOn, row.kind as MeetingKind),
    meetingsRepo.partySecretary(deps.db, actor.unitId),
  ]);
  const last = await agendaRepo.lastReports(
    deps.db,
    actor.unitId,
    decisions.map((d) => d.itemId),
  );
  const personIds = [
    row.chairPersonId,
    ...(row.recorderPersonId ? [row.recorderPersonId] : []),
    ...row.memberIds,
    ...absencesOf(row).map((a) => a.personId),
    ...items.flatMap((i) => [...i.attendeeIds, ...i.recusedIds, ...(i.reporterPersonId ? [i.reporterPersonId] : [])]),
    ...positions.map((p) => p.personId),
  ];
  const [names, departments, plan] = await Promise.all([
    meetingsRepo.names(deps.db, actor.unitId, personIds),
    meetingsRepo.departmentNames(
      deps.db,
      actor.unitId,
      items.flatMap((i) => (i.proposerDepartmentId ? [i.proposerDepartmentId] : [])),
    ),
    row.planEntryId ? meetingsRepo.planEntry(deps.db, actor.unitId, row.planEntryId) : Promise.resolve(undefined),
  ]);
  const today = shanghaiDate(deps.clock.now());
  return {
    positions,
    decisions,
    previous: new Map(previous.flatMap((p) => (p ? [[p.id, p] as const] : []))),
    previousCategory: new Map(previousItems.map((i) => [i.id, i.category])),
    calendar,
    rules,
    last,
    names,
    departments,
    plan,
    today,
    secretaryId,
  };
}
type Context = Awaited<ReturnType<typeof context>>;

const ref = (names: Map<string, string>, id: string) => ({ id, name: names.get(id) ?? '（已离开）' });

function presentItem(
  actor: Actor,
  m: MeetingRow,
  facts: DecisionMeetingFacts,
  i: AgendaItemRow,
  c: Context,
  rules: MeetingRules,
): TAgendaItemView {
  const can = decisionMeetingPolicy(actor, facts);
  const live = !i.withdrawnReason;
  const undecided = live && !i.outcome;
  const positions = c.positions.filter((p) => p.agendaItemId === i.id);
  const spoken = positions.map((p) => p.personId);
  const held = m.status !== 'preparing';
  const speaking = held
    ? speakingOf(m, i, c.secretaryId, spoken)
    : { voters: [], principalId: m.chairPersonId, spoken };
  const voters = speaking.voters;
  const principalId = held ? speaking.principalId : null;
  const maySpeakIds = undecided && !i.followUpOf ? voters.filter((v) => maySpeak(speaking, v).ok) : [];
  const dueBy = materialsDueBy(m.heldOn, rules.materialsLeadDays, c.calendar);
  const prev = i.followUpOf ? c.previous.get(i.followUpOf) : undefined;
  // A 干部任免 decision reported back is read as the item itself: by the members and the 记录人 only.
  const readsCadre = facts.memberIds.includes(actor.personId ?? '') || facts.recorderPersonId === actor.personId;
  const followUp = i.followUpOf
    ? c.decisions.filter(
        (d) => d.meetingId === i.followUpOf && (readsCadre || c.previousCategory.get(d.agendaItemId) !== 'cadre'),
      )
    : [];
  const category = i.category as ItemCategory;
  return {
    id: i.id,
    seq: i.seq,
    title: i.title,
    summary: i.summary,
    proposerDepartment: i.proposerDepartmentId
      ? { id: i.proposerDepartmentId, name: c.departments.get(i.proposerDepartmentId) ?? '（已撤销）' }
      : null,
    reporter: i.reporterPersonId ? ref(c.names, i.reporterPersonId) : null,
    category,
    categoryLabel: ITEM_CATEGORY_LABELS[category],
    major: isMajor(category),
    amountWan: i.amountWan,
    materialsSentOn: i.materialsSentOn,
    materialsDueBy: i.followUpOf ? null : dueBy,
    materialsLate: !i.followUpOf && live && materialsLate(i.materialsSentOn, dueBy, c.today),
    attendees: i.attendeeIds.map((id) => ref(c.names, id)),
    attendeeOthers: i.attendeeOthers,
    recused: i.recusedIds.map((id) => ref(c.names, id)),
    recusalNote: i.recusalNote,
    followUpOf: prev ? { id: prev.id, title: prev.title } : null,
    followUp: followUp.map((d) => presentDecision(d, c.today, c.calendar, c.last)),
    outcome: i.outcome as Outcome | null,
    outcomeLabel: i.outcome ? OUTCOME_LABELS[i.outcome as Outcome] : null,
    conclusion: i.conclusion,
    decidedAt: i.decidedAt?.toISOString() ?? null,
    withdrawnReason: i.withdrawnReason,
    principalId,
    positions: positions.map((p) => presentPosition(p, m, c.names, principalId)),
    waiting: voters.filter((v) => !spoken.includes(v)).map((id) => ref(c.names, id)),
    maySpeakIds,
    decisions: c.decisions
      .filter((d) => d.agendaItemId === i.id)
      .map((d) => presentDecision(d, c.today, c.calendar, c.last)),
    version: i.version,
    can: {
      read: true,
      edit: can.edit && live,
      withdraw: can.edit && live,
      recordPosition: can.record && maySpeakIds.length > 0,
      decide: can.record && undecided,
    },
  };
}

export const presentPosition = (
  p: PositionRow,
  m: MeetingRow,
  names: Map<string, string>,
  principalId: string | null,
) => ({
  seq: p.seq,
  personId: p.personId,
  name: names.get(p.personId) ?? '（已离开）',
  isChair: p.personId === m.chairPersonId,
  isPrincipal: p.personId === principalId,
  position: p.position as Position,
  positionLabel: POSITION_LABELS[p.position as Position],
  remark: p.remark,
  recordedAt: p.recordedAt.toISOString(),
});

export function presentSummary(actor: Actor, m: MeetingRow, items: AgendaItemRow[], names: Map<string, string>) {
  const facts = meetingFacts(m, items);
  const readable = liveItems(items).filter((i) => canReadAgendaItem(actor, facts, itemFacts(i)));
  const kind = m.kind as MeetingKind;
  const status = m.status as DecisionMeetingStatus;
  return {
    id: m.id,
    kind,
    kindLabel: kind === 'other' && m.kindName ? m.kindName : MEETING_KIND_LABELS[kind],
    sessionNo: m.sessionNo,
    title: m.title,
    heldOn: m.heldOn,
    startsAt: m.startsAt,
    place: m.place,
    chairName: names.get(m.chairPersonId) ?? null,
    status,
    statusLabel: DECISION_MEETING_STATUS_LABELS[status],
    minutesNo: m.minutesNo,
    itemCount: readable.length,
    planned: !!m.planEntryId,
    version: m.version,
    can: decisionMeetingPolicy(actor, facts),
  } satisfies TMeetingSummary;
}

/** The whole meeting as the reader sees it. */
export async function presentMeeting(deps: AppDeps, actor: Actor, id: string): Promise<TMeeting> {
  const { row: m, items, facts } = await meetingOr404(deps, actor, id);
  const c = await context(deps, actor, m, items);
  const readable = items.filter((i) => canReadAgendaItem(actor, facts, itemFacts(i)));
  const omitted = liveItems(items).length - liveItems(readable).length;
  return {
    ...presentSummary(actor, m, items, c.names),
    kindName: m.kindName,
    chair: ref(c.names, m.chairPersonId),
    recorder: m.recorderPersonId ? ref(c.names, m.recorderPersonId) : null,
    members: m.memberIds.map((pid) => ref(c.names, pid)),
    presentIds: m.presentIds,
    absences: absencesOf(m).map((a) => ({ ...a, name: c.names.get(a.personId) ?? '（已离开）' })),
    byCirculation: m.byCirculation,
    planEntry: c.plan ? { id: c.plan.id, title: c.plan.title } : null,
    unplannedReason: m.unplannedReason,
    durationMinutes: m.durationMinutes,
    withdrawnReason: m.withdrawnReason,
    rulesSource: c.rules.source ? { title: c.rules.source.title, effectiveFrom: c.rules.source.effectiveFrom } : null,
    rules: { materialsLeadDays: c.rules.rules.materialsLeadDays, largeFundsFrom: c.rules.rules.largeFundsFrom },
    items: readable.map((i) => presentItem(actor, m, facts, i, c, c.rules.rules)),
    omittedItems: omitted,
  };
}

export { absencesOf };
