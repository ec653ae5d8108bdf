/**
 * Measure 26: a meeting opens with the report on the decisions of the last meeting of its kind that made any.
 * Ensured when a meeting is created, when it opens and when the one before it closes — the previous meeting may
 * decide after the next one was created.
 */
import { FOLLOW_UP_TITLE } from '../../../domain/decision-meetings.js';
import type { Actor } from '../../../domain/roles.js';
import type { Db } from '../../db/client.js';
import { agendaRepo } from './agenda.repo.js';
import { auditItem } from './agenda.service.js';
import { meetingsRepo, type MeetingRow } from './meetings.repo.js';

/** Adds the follow-up as item 1 (the others shifted) unless the meeting has one; in the caller's transaction. */
export async function ensureFollowUp(tx: Db, actor: Actor, m: MeetingRow, at: Date) {
  if (m.status !== 'preparing') return;
  const previous = await meetingsRepo.previousWithDecisions(tx, actor.unitId, m);
  if (!previous) return;
  const items = await agendaRepo.items(tx, actor.unitId, [m.id]);
  if (items.some((i) => i.followUpOf && !i.withdrawnReason)) return;
  await agendaRepo.renumber(
    tx,
    actor.unitId,
    m.id,
    items.map((i) => ({ id: i.id, seq: i.seq + 1 })),
    at,
  );
  const item = await agendaRepo.insert(tx, {
    unitId: actor.unitId,
    meetingId: m.id,
    seq: 1,
    title: FOLLOW_UP_TITLE,
    summary: `听取${previous.title}议定事项的落实情况。`,
    followUpOf: previous.id,
    createdAt: at,
    updatedAt: at,
  });
  await auditItem(tx, actor, at, item.id, 'create', { meetingId: m.id, seq: 1, followUpOf: previous.id });
}

/** When a meeting closes, the next preparing meeting of its kind gets the follow-up of its decisions. */
export async function ensureFollowUpOfNext(tx: Db, actor: Actor, closed: MeetingRow, at: Date) {
  const next = await meetingsRepo.nextPreparing(tx, actor.unitId, closed);
  if (next) await ensureFollowUp(tx, actor, next, at);
}
