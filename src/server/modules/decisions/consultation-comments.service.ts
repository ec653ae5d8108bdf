import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import {
  answerRefusal,
  draftingNote,
  PUBLIC_SOURCE_NAME,
  SOURCE_KIND_LABELS,
  tallyOf,
  VERDICT_LABELS,
  type DraftKind,
  type DraftStatus,
  type NoteSource,
  type SourceKind,
  type Verdict,
} from '../../../domain/consultation.js';
import type { ConsultationCan } from '../../../domain/policies/consultation.js';
import type { Actor } from '../../../domain/roles.js';
import type {
  TComment,
  ZAnswerBody,
  ZCommentQuery,
  ZOwnComment,
  ZRecordedComment,
} from '../../../shared/contracts/consultations.js';
import { authorize } from '../../authorize.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { officialDocument } from '../../docx/official.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { consultationsRepo, type CommentRow, type DraftRow } from './consultations.repo.js';
import { draftOr404, ownTargets } from './consultations.service.js';

function presentComment(r: CommentRow, names: Map<string, string>): TComment {
  const source = r.source as SourceKind;
  const author = r.recordedByPersonId
    ? `${names.get(r.recordedByPersonId) ?? '（已离开）'}代为登记`
    : r.authorPersonId
      ? (names.get(r.authorPersonId) ?? '（已离开）')
      : null;
  return {
    id: r.id,
    source,
    sourceLabel: SOURCE_KIND_LABELS[source],
    sourceName: source === 'public' ? PUBLIC_SOURCE_NAME : r.sourceName,
    authorName: source === 'public' ? null : author,
    speaker: r.speaker,
    text: r.body,
    receivedOn: r.receivedOn,
    answer: r.answerVerdict
      ? {
          verdict: r.answerVerdict as Verdict,
          verdictLabel: VERDICT_LABELS[r.answerVerdict as Verdict],
          reason: r.answerReason ?? '',
          answeredOn: r.answeredOn ?? '',
          version: r.answerVersion ?? 1,
        }
      : null,
  };
}

async function presenterFor(deps: AppDeps, actor: Actor, rows: CommentRow[]) {
  const names = await consultationsRepo.personNames(
    deps.db,
    actor.unitId,
    rows.flatMap((r) => [r.authorPersonId, r.recordedByPersonId].filter((x): x is string => !!x)),
  );
  return (r: CommentRow) => presentComment(r, names);
}

/** The readable comments' tally: the managers' of every comment, a consulted reader's of their own. */
export async function draftTally(deps: AppDeps, actor: Actor, row: DraftRow, can: ConsultationCan) {
  const targets = can.manage
    ? undefined
    : ownTargets(actor, await consultationsRepo.targets(deps.db, actor.unitId, [row.id]));
  const { rows } = await consultationsRepo.comments(deps.db, actor.unitId, row, {
    targetIds: targets?.map((t) => t.id),
    limit: 100_000,
    offset: 0,
  });
  return tallyOf([{ kind: 'public', name: '', notifiedOn: '', comments: rows.map(noteComment) }]);
}

export async function listComments(deps: AppDeps, actor: Actor, id: string, q: z.infer<typeof ZCommentQuery>) {
  const { row, targets, can } = await draftOr404(deps.db, actor, id);
  const { rows, total } = await consultationsRepo.comments(deps.db, actor.unitId, row, {
    targetIds: can.manage ? undefined : ownTargets(actor, targets).map((t) => t.id),
    source: q.source,
    unanswered: q.unanswered === 'true',
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const present = await presenterFor(deps, actor, rows);
  return { total, page: q.page, pageSize: q.pageSize, items: rows.map(present) };
}

/** One comment as the list shows it (after a write). */
async function commentOf(deps: AppDeps, actor: Actor, row: DraftRow, commentId: string) {
  const { rows } = await consultationsRepo.comments(deps.db, actor.unitId, row, { limit: 100_000, offset: 0 });
  const r = rows.find((x) => x.id === commentId);
  if (!r) throw notFound('意见');
  return (await presenterFor(deps, actor, [r]))(r);
}

async function insertComment(
  deps: AppDeps,
  actor: Actor,
  row: DraftRow,
  c: {
    targetId: string;
    authorPersonId: string | null;
    recordedByPersonId: string | null;
    speaker: string;
    body: string;
    receivedOn: string;
  },
  action: 'create' | 'record',
) {
  const at = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const r = await consultationsRepo.insertComment(tx, { unitId: actor.unitId, draftId: row.id, ...c, createdAt: at });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'consultation_comment',
      entityId: r.id,
      action,
      after: { draftId: row.id, targetId: c.targetId, receivedOn: c.receivedOn },
    });
    return r.id;
  });
  return commentOf(deps, actor, row, id);
}

/** A consulted person (or a head of a consulted department) writes a comment, as the target they were asked as. */
export async function addOwnComment(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZOwnComment>) {
  const { row, targets, can } = await draftOr404(deps.db, actor, id);
  authorize(can, 'comment', '征求意见已结束，或您不在本稿的征求意见范围内');
  const mine = ownTargets(actor, targets);
  const target = mine.find((t) => t.kind === 'person') ?? mine[0]!;
  return insertComment(
    deps,
    actor,
    row,
    {
      targetId: target.id,
      authorPersonId: actor.personId,
      recordedByPersonId: null,
      speaker: '',
      body: b.text,
      receivedOn: shanghaiDate(deps.clock.now()),
    },
    'create',
  );
}

/** The drafter records what a consulted contact object said, naming who said it. */
export async function recordComment(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZRecordedComment>) {
  const { row, targets, can } = await draftOr404(deps.db, actor, id);
  authorize(can, 'recordOnBehalf', '只有起草方可以在征求意见期间代为登记联系对象的意见');
  const target = targets.find((t) => t.id === b.targetId && t.kind === 'contact_object');
  if (!target) throw badRequest('请选择本稿征求意见的联系对象');
  if (b.receivedOn > shanghaiDate(deps.clock.now())) throw badRequest('收到日期不能晚于今天');
  if (row.openedOn && b.receivedOn < row.openedOn) throw badRequest('收到日期不能早于发出征求意见的日期');
  return insertComment(
    deps,
    actor,
    row,
    {
      targetId: target.id,
      authorPersonId: null,
      recordedByPersonId: actor.personId,
      speaker: b.speaker,
      body: b.text,
      receivedOn: b.receivedOn,
    },
    'record',
  );
}

/** 采纳 / 部分采纳 / 不采纳 with the reason (domain/consultation.answerRefusal); a change only at the version read. */
export async function answerComment(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZAnswerBody>) {
  const { row, can } = await draftOr404(deps.db, actor, id);
  authorize(can, 'answer', '只有起草方可以在发出征求意见后答复意见');
  const named = await consultationsRepo.namedComment(deps.db, actor.unitId, row.id, b.commentId);
  const isPublic =
    !named &&
    !!row.publicFormId &&
    (await consultationsRepo.isPublicComment(deps.db, actor.unitId, row.publicFormId, b.commentId));
  if (!named && !isPublic) throw notFound('意见');
  const refusal = answerRefusal(b.verdict, b.reason);
  if (refusal) throw badRequest(refusal);
  const existing = await consultationsRepo.answer(deps.db, actor.unitId, row.id, b.commentId);
  if (existing && b.version === undefined) throw conflict('该意见已有答复，请刷新后再修改');
  const at = deps.clock.now();
  const set = {
    verdict: b.verdict,
    reason: b.reason,
    answeredByPersonId: actor.personId,
    answeredOn: shanghaiDate(at),
    updatedAt: at,
  };
  await deps.db.transaction(async (tx) => {
    const ok = existing
      ? await consultationsRepo.updateAnswer(tx, actor.unitId, existing.id, b.version!, set)
      : await consultationsRepo.insertAnswer(tx, {
          unitId: actor.unitId,
          draftId: row.id,
          commentId: b.commentId,
          source: isPublic ? 'public' : 'named',
          ...set,
          createdAt: at,
        });
    if (!ok) throw conflict('该意见的答复已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'consultation_draft',
      entityId: row.id,
      action: 'answer',
      before: existing ? { verdict: existing.verdict, reason: existing.reason } : undefined,
      after: { commentId: b.commentId, verdict: b.verdict, reason: b.reason },
    });
  });
  return commentOf(deps, actor, row, b.commentId);
}

const noteComment = (r: CommentRow) => ({
  text: r.body,
  receivedOn: r.receivedOn,
  speaker: r.speaker,
  answer: r.answerVerdict ? { verdict: r.answerVerdict as Verdict, reason: r.answerReason ?? '' } : null,
});

/** The 起草说明's facts from the record: every target in the order consulted, then the public, with their comments. */
export async function draftingNoteOf(deps: AppDeps, actor: Actor, id: string) {
  const { row, targets, can } = await draftOr404(deps.db, actor, id);
  authorize(can, 'readNote', '只有起草方可以查看起草说明');
  const [{ rows }, depts] = await Promise.all([
    consultationsRepo.comments(deps.db, actor.unitId, row, { limit: 100_000, offset: 0 }),
    consultationsRepo.departmentNames(deps.db, actor.unitId, [row.departmentId]),
  ]);
  const order: Record<string, number> = { department: 0, person: 1, contact_object: 2 };
  const sources: NoteSource[] = [...targets]
    .sort((a, b) => order[a.kind]! - order[b.kind]!)
    .map((t) => ({
      kind: t.kind as SourceKind,
      name: t.name,
      notifiedOn: t.notifiedOn,
      comments: rows.filter((r) => r.targetId === t.id).map(noteComment),
    }));
  if (row.publicFormId)
    sources.push({
      kind: 'public',
      name: '社会公众',
      notifiedOn: row.openedOn ?? '',
      comments: rows.filter((r) => r.source === 'public').map(noteComment),
    });
  return draftingNote({
    title: row.title,
    kind: row.kind as DraftKind,
    departmentName: depts.get(row.departmentId) ?? '',
    status: row.status as DraftStatus,
    openedOn: row.openedOn,
    dueOn: row.dueOn,
    closedOn: row.closedOn,
    sources,
  });
}

/** The 起草说明 as a GB/T 9704 .docx. */
export async function draftingNoteDocx(deps: AppDeps, actor: Actor, id: string) {
  const note = await draftingNoteOf(deps, actor, id);
  return { fileName: `${note.title}.docx`, data: await officialDocument({ title: note.title, blocks: note.blocks }) };
}
