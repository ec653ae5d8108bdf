/** Agenda items (议题) of a meeting being prepared: added, edited, withdrawn, reordered. */
import type { z } from 'zod';
import { fundsFlagCheck, mayDecideAt, type MeetingKind } from '../../../domain/decision-rules.js';
import { canReadAgendaItem } from '../../../domain/policies/decision-meeting.js';
import type { Actor } from '../../../domain/roles.js';
import type { ZAgendaItemBody, ZAgendaItemEdit, ZAgendaReorder } from '../../../shared/contracts/decisions.js';
import { authorize } from '../../authorize.js';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { agendaRepo, type AgendaItemRow } from './agenda.repo.js';
import { noticeAttendees } from './meeting-notices.js';
import { meetingRulesFor } from './meeting-rules.service.js';
import { itemFacts, liveItems, meetingOr404, presentMeeting } from './meeting-view.service.js';
import { meetingsRepo, type MeetingRow } from './meetings.repo.js';

type ItemBody = z.infer<typeof ZAgendaItemBody>;
const PREPARING_ONLY = '只有筹备中的会议可以调整议题（领导小组办公室、党组书记）';

/** The item within the meeting (the meeting seen first: 404 for those who may not see it or read the item). */
export async function agendaItemOr404(deps: AppDeps, actor: Actor, meetingId: string, itemId: string) {
  const m = await meetingOr404(deps, actor, meetingId);
  const item = m.items.find((i) => i.id === itemId);
  // Who may not read an item (a 干部任免 item for the office) neither sees nor records it.
  if (!item || !canReadAgendaItem(actor, m.facts, itemFacts(item))) throw notFound('议题');
  return { ...m, item };
}

/**
 * Everything an item must satisfy before it is put on the agenda: its people and department are of the unit, 回避
 * are members, 列席 are not; a 三重一大 item only at a 党组会 held in session (mayDecideAt, refused here rather
 * than at the decision); a large sum flagged (fundsFlagCheck); materials no later than the meeting.
 */
async function checkItem(deps: AppDeps, actor: Actor, m: MeetingRow, b: ItemBody) {
  await assertInUnit(
    deps.db,
    actor.unitId,
    { person: [b.reporterPersonId, ...b.attendeeIds, ...b.recusedIds], department: b.proposerDepartmentId },
    { department: '所选提请科室不存在' },
  );
  if (b.recusedIds.some((p) => !m.memberIds.includes(p))) throw badRequest('回避人员应为本次会议的参会成员');
  if (b.attendeeIds.some((p) => m.memberIds.includes(p))) throw badRequest('参会成员不必列为列席人员');
  const at = mayDecideAt(m.kind as MeetingKind, m.byCirculation, b.category);
  if (!at.ok) throw badRequest(at.message);
  const { rules } = await meetingRulesFor(deps, actor.unitId, m.heldOn, m.kind as MeetingKind);
  const funds = fundsFlagCheck(b.category, b.amountWan, rules);
  if (!funds.ok) throw badRequest(funds.message);
  if (b.materialsSentOn && b.materialsSentOn > m.heldOn) throw badRequest('材料送达日期不能晚于会议日期');
}

async function auditItem(
  tx: Db,
  actor: Actor,
  at: Date,
  id: string,
  action: 'create' | 'update' | 'withdraw' | 'record_position' | 'decide',
  after: unknown,
) {
  await recordAudit(tx, auditActorOf(actor), at, {
    unitId: actor.unitId,
    entityType: 'agenda_item',
    entityId: id,
    action,
    after,
  });
}

export async function addAgendaItem(deps: AppDeps, actor: Actor, meetingId: string, b: ItemBody) {
  const { row: m, can } = await meetingOr404(deps, actor, meetingId);
  authorize(can, 'edit', PREPARING_ONLY);
  await checkItem(deps, actor, m, b);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const seq = await agendaRepo.nextSeq(tx, actor.unitId, m.id);
    const item = await agendaRepo.insert(tx, {
      unitId: actor.unitId,
      meetingId: m.id,
      seq,
      ...b,
      createdAt: at,
      updatedAt: at,
    });
    await meetingsRepo.touch(tx, actor.unitId, m.id, at);
    await auditItem(tx, actor, at, item.id, 'create', {
      meetingId: m.id,
      seq,
      category: b.category,
      amountWan: b.amountWan,
    });
    await noticeAttendees(tx, m, [item], 'scheduled', at);
  });
  return presentMeeting(deps, actor, m.id);
}

/** One change of an item at the version read, bumping its meeting's version too (the agenda changed). */
async function changeItem(
  deps: AppDeps,
  actor: Actor,
  m: MeetingRow,
  item: AgendaItemRow,
  version: number,
  set: Partial<AgendaItemRow>,
  audit: { action: 'update' | 'withdraw'; after: unknown },
  alsoInTx?: (tx: Db, updated: AgendaItemRow) => Promise<void>,
) {
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const r = await agendaRepo.update(tx, actor.unitId, item.id, version, { ...set, updatedAt: at });
    if (!r) throw conflict('该议题已被他人修改，请刷新后再试');
    await meetingsRepo.touch(tx, actor.unitId, m.id, at);
    await auditItem(tx, actor, at, item.id, audit.action, audit.after);
    await alsoInTx?.(tx, r);
  });
  return presentMeeting(deps, actor, m.id);
}

export async function editAgendaItem(
  deps: AppDeps,
  actor: Actor,
  meetingId: string,
  itemId: string,
  b: z.infer<typeof ZAgendaItemEdit>,
) {
  const { row: m, item, can } = await agendaItemOr404(deps, actor, meetingId, itemId);
  authorize(can, 'edit', PREPARING_ONLY);
  if (item.withdrawnReason) throw badRequest('该议题已撤回');
  if (item.followUpOf && b.category !== 'none') throw badRequest('议定事项落实情况的报告是一般事项');
  const { version, ...set } = b;
  await checkItem(deps, actor, m, set);
  const changed = (Object.keys(set) as (keyof typeof set)[]).filter(
    (k) => JSON.stringify(set[k]) !== JSON.stringify(item[k]),
  );
  const added = set.attendeeIds.filter((p) => !item.attendeeIds.includes(p));
  return changeItem(deps, actor, m, item, version, set, { action: 'update', after: { changed } }, (tx, r) =>
    noticeAttendees(tx, m, [{ ...r, attendeeIds: added }], 'scheduled', deps.clock.now()),
  );
}

export async function withdrawAgendaItem(
  deps: AppDeps,
  actor: Actor,
  meetingId: string,
  itemId: string,
  b: { reason: string; version: number },
) {
  const { row: m, item, can } = await agendaItemOr404(deps, actor, meetingId, itemId);
  authorize(can, 'edit', PREPARING_ONLY);
  if (item.withdrawnReason) throw badRequest('该议题已撤回');
  return changeItem(deps, actor, m, item, b.version, { withdrawnReason: b.reason }, { action: 'withdraw', after: {} });
}

/**
 * New order of the live items the reader reads. They take the places they held among themselves: an item the
 * reader may not read (a 干部任免 item, for the office) and withdrawn items keep theirs. The follow-up report stays
 * first.
 */
export async function reorderAgenda(deps: AppDeps, actor: Actor, meetingId: string, b: z.infer<typeof ZAgendaReorder>) {
  const { row: m, items, facts, can } = await meetingOr404(deps, actor, meetingId);
  authorize(can, 'edit', PREPARING_ONLY);
  const mine = liveItems(items).filter((i) => canReadAgendaItem(actor, facts, itemFacts(i)));
  const same = b.itemIds.length === mine.length && new Set(b.itemIds).size === mine.length;
  if (!same || !mine.every((i) => b.itemIds.includes(i.id)))
    throw badRequest('请列出本次会议的全部议题（已撤回的除外）');
  const followUp = mine.find((i) => i.followUpOf);
  if (followUp && b.itemIds[0] !== followUp.id) throw badRequest('上次会议议定事项落实情况应为第一项议题');
  const slots = mine.map((i) => i.seq).sort((x, y) => x - y);
  const order = b.itemIds.map((id, k) => ({ id, seq: slots[k]! }));
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const r = await meetingsRepo.update(tx, actor.unitId, m.id, b.version, { updatedAt: at });
    if (!r) throw conflict('该会议已被他人修改，请刷新后再试');
    await agendaRepo.renumber(tx, actor.unitId, m.id, order, at);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'decision_meeting',
      entityId: m.id,
      action: 'reorder',
      after: { order },
    });
  });
  return presentMeeting(deps, actor, m.id);
}

export { auditItem };
