/**
 * In session: positions stated in speaking order (一把手末位表态) and decisions, whose 议定事项 become supervised
 * items (source `decision`) in the same transaction as the decision.
 */
import type { z } from 'zod';
import { decisionItemsCheck, decisionSourceRef } from '../../../domain/decision-meetings.js';
import {
  ITEM_CATEGORY_LABELS,
  isMajor,
  mayDecide,
  maySpeak,
  quorumMessage,
  type ItemCategory,
  type MeetingKind,
  type Position,
} from '../../../domain/decision-rules.js';
import type { Actor } from '../../../domain/roles.js';
import type { ZDecideBody, ZPositionBody } from '../../../shared/contracts/decisions.js';
import { authorize } from '../../authorize.js';
import { badRequest, conflict } from '../../errors.js';
import type { Db } from '../../db/client.js';
import type { AppDeps } from '../../types.js';
import { insertItem, prepareItem } from '../supervision/items.service.js';
import { agendaRepo, type AgendaItemRow } from './agenda.repo.js';
import { agendaItemOr404, auditItem } from './agenda.service.js';
import { meetingRulesFor } from './meeting-rules.service.js';
import { presentMeeting, speakingOf, votersOf } from './meeting-view.service.js';
import { meetingsRepo, type MeetingRow } from './meetings.repo.js';

const IN_SESSION_ONLY = '只有会议进行中才能记录表态和决定（领导小组办公室、党组书记）';

function checkUndecided(item: AgendaItemRow) {
  if (item.withdrawnReason) throw badRequest('该议题已撤回');
  if (item.outcome) throw badRequest('该议题已作出决定');
}

/**
 * The item as it is now, its row locked for the rest of the transaction, and its meeting still in session: what
 * was read before the transaction may have been decided (缓议) or closed meanwhile.
 */
export async function lockUndecided(tx: Db, unitId: string, meetingId: string, itemId: string) {
  const item = await agendaRepo.lockItem(tx, unitId, meetingId, itemId);
  const m = await meetingsRepo.byId(tx, unitId, meetingId);
  if (!item || !m) throw badRequest('该议题不存在');
  if (m.status !== 'in_session') throw badRequest(IN_SESSION_ONLY);
  checkUndecided(item);
  return { m, item };
}

/** The position itself, in the caller's transaction: every check on the locked, fresh item. */
export async function insertPosition(
  tx: Db,
  deps: AppDeps,
  actor: Actor,
  ref: { meetingId: string; itemId: string },
  b: z.infer<typeof ZPositionBody>,
) {
  const { m, item } = await lockUndecided(tx, actor.unitId, ref.meetingId, ref.itemId);
  if (item.followUpOf) throw badRequest('议定事项落实情况由会议听取，不需逐一表态');
  const positions = await agendaRepo.positions(tx, actor.unitId, [item.id]);
  const spoken = positions.map((p) => p.personId);
  const secretaryId = await meetingsRepo.partySecretary(tx, actor.unitId);
  const verdict = maySpeak(speakingOf(m, item, secretaryId, spoken), b.personId);
  if (!verdict.ok) throw badRequest(verdict.message);
  const at = deps.clock.now();
  const seq = positions.length + 1;
  const r = await agendaRepo.insertPosition(tx, {
    unitId: actor.unitId,
    agendaItemId: item.id,
    personId: b.personId,
    seq,
    position: b.position,
    remark: b.remark,
    recordedBy: actor.userId,
    recordedAt: at,
  });
  // The (item, person) and (item, seq) indexes refuse a position recorded meanwhile by someone else.
  if (!r) throw conflict('该议题的表态已被他人更新，请刷新后再试');
  await auditItem(tx, actor, at, item.id, 'record_position', { personId: b.personId, seq, position: b.position });
}

export async function recordPosition(
  deps: AppDeps,
  actor: Actor,
  meetingId: string,
  itemId: string,
  b: z.infer<typeof ZPositionBody>,
) {
  const { can } = await agendaItemOr404(deps, actor, meetingId, itemId);
  authorize(can, 'record', IN_SESSION_ONLY);
  await deps.db.transaction((tx) => insertPosition(tx, deps, actor, { meetingId, itemId }, b));
  return presentMeeting(deps, actor, meetingId);
}

/**
 * The rule checks of a decision: the follow-up report is only noted, with a quorum; 缓议 decides nothing; any
 * other outcome by mayDecide (三重一大 at a 党组会, quorum, every position stated, enough agreeing).
 */
async function checkDecision(deps: AppDeps, actor: Actor, m: MeetingRow, item: AgendaItemRow, b: DecideBody) {
  const { rules } = await meetingRulesFor(deps, actor.unitId, m.heldOn, m.kind as MeetingKind);
  const category = item.category as ItemCategory;
  const voters = votersOf(m, item);
  if (item.followUpOf) {
    if (b.outcome !== 'adopted' || !b.noted) throw badRequest('议定事项落实情况的报告由会议听取，请记录为“知悉”');
    const q = quorumMessage(m.memberIds.length, voters.length, category, rules);
    if (q) throw badRequest(q);
  } else if (b.outcome !== 'deferred') {
    // 缓议 postpones the item to a later meeting and decides nothing: it needs neither a quorum nor every
    // position (an item the meeting cannot decide, for want of a quorum, must still be able to leave the agenda).
    const positions = await agendaRepo.positions(deps.db, actor.unitId, [item.id]);
    const secretaryId = await meetingsRepo.partySecretary(deps.db, actor.unitId);
    const spoken = positions.map((p) => p.personId);
    const verdict = mayDecide(
      { kind: m.kind as MeetingKind, byCirculation: m.byCirculation, members: m.memberIds.length },
      {
        category,
        speaking: speakingOf(m, item, secretaryId, spoken),
        positions: positions.map((p) => p.position as Position),
      },
      b.outcome,
      rules,
    );
    if (!verdict.ok) throw badRequest(verdict.message);
  }
  const carries = decisionItemsCheck(b.outcome, b.noted, b.decisions.length);
  if (!carries.ok) throw badRequest(carries.message);
  const early = b.decisions.find((d) => d.due < m.heldOn);
  if (early) throw badRequest(`议定事项“${early.text.slice(0, 20)}”的完成时限早于会议日期`);
}
type DecideBody = z.infer<typeof ZDecideBody>;

/** Each 议定事项 as a supervised item, prepared (checked, its calendar and deadline policy read) before the transaction. */
function prepareDecisions(deps: AppDeps, actor: Actor, m: MeetingRow, item: AgendaItemRow, b: DecideBody) {
  const category = item.category as ItemCategory;
  return Promise.all(
    b.decisions.map((d) =>
      prepareItem(deps, actor, {
        title: d.text.replace(/\s+/g, ' ').slice(0, 100),
        // A 干部任免 item is read by the members only: the ledger gets the decision's words, not the item's title.
        content: `${m.title}第${item.seq}项议题${category === 'cadre' ? '' : `“${item.title}”`}议定：${d.text}`,
        source: 'decision',
        sourceRef: decisionSourceRef(m.title, item.seq),
        category: isMajor(category) ? ITEM_CATEGORY_LABELS[category] : null,
        leadDepartmentId: d.leadDepartmentId,
        cooperatingDepartmentIds: [],
        ownerPersonId: d.ownerPersonId,
        leaderPersonId: d.leaderPersonId,
        cadence: 'none',
        receivedOn: m.heldOn,
        urgency: 'normal',
        explicitDue: d.due,
        milestones: [],
      }),
    ),
  );
}

export async function decideItem(deps: AppDeps, actor: Actor, meetingId: string, itemId: string, b: DecideBody) {
  const { row: m, item, can } = await agendaItemOr404(deps, actor, meetingId, itemId);
  authorize(can, 'record', IN_SESSION_ONLY);
  checkUndecided(item);
  await checkDecision(deps, actor, m, item, b);
  const prepared = await prepareDecisions(deps, actor, m, item, b);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    // A position recorded meanwhile waits for this lock, then finds the item decided.
    await lockUndecided(tx, actor.unitId, m.id, item.id);
    const r = await agendaRepo.update(tx, actor.unitId, item.id, b.version, {
      outcome: b.outcome,
      conclusion: b.conclusion,
      decidedAt: at,
      updatedAt: at,
    });
    if (!r) throw conflict('该议题已被他人修改，请刷新后再试');
    const itemIds: string[] = [];
    for (const [i, p] of prepared.entries()) {
      const created = await insertItem(tx, deps, actor, p);
      itemIds.push(created.id);
      await agendaRepo.insertDecision(tx, {
        unitId: actor.unitId,
        meetingId: m.id,
        agendaItemId: item.id,
        seq: i + 1,
        text: b.decisions[i]!.text,
        itemId: created.id,
        createdAt: at,
      });
    }
    await meetingsRepo.touch(tx, actor.unitId, m.id, at);
    await auditItem(tx, actor, at, item.id, 'decide', { outcome: b.outcome, noted: b.noted, itemIds });
  });
  return presentMeeting(deps, actor, m.id);
}
