/**
 * Advice of the think tank's experts and what became of it (智库, measure 7): read by the leadership, the office and
 * department heads — never a member — and recorded by the office (domain/policies/think-tank). Adopted advice
 * names the decision (议定事项) of a closed 党组会议 or 局长办公会议 of the unit that adopted it.
 */
import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { changedFields } from '../../../domain/changes.js';
import { MEETING_KIND_LABELS, type MeetingKind } from '../../../domain/decision-rules.js';
import { ADVICE_OUTCOME_LABELS, outcomeVerdict, type AdviceOutcome } from '../../../domain/think-tank.js';
import { advicePolicy } from '../../../domain/policies/think-tank.js';
import type { Actor } from '../../../domain/roles.js';
import type {
  TAdvice,
  TDecisionRef,
  ZAdviceBody,
  ZAdviceOutcomeBody,
  ZAdviceQuery,
} from '../../../shared/contracts/assessment-think-tank.js';
import { authorize } from '../../authorize.js';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { thinkTankCanOr403 } from './experts.service.js';
import { thinkTankRepo, type AdviceRow } from './think-tank.repo.js';

/** The meetings whose decisions adopt advice (measure 7: 党组会 or 局长办公会). */
const ADOPTING_KINDS = ['party_group', 'director_office'] as const;

type DecisionJoin = Awaited<ReturnType<typeof thinkTankRepo.decisions>>[number];
const decisionRef = ({ d, m }: DecisionJoin): TDecisionRef => ({
  id: d.id,
  text: d.text,
  meetingId: m.id,
  meetingTitle: m.title,
  meetingKindLabel: MEETING_KIND_LABELS[m.kind as MeetingKind] ?? m.kindName ?? m.kind,
  heldOn: m.heldOn,
  minutesNo: m.minutesNo,
});

async function presenter(db: Db, actor: Actor, rows: AdviceRow[]) {
  const [names, decisions] = await Promise.all([
    thinkTankRepo.expertNames(
      db,
      actor.unitId,
      rows.map((r) => r.expertId),
    ),
    thinkTankRepo.decisions(
      db,
      actor.unitId,
      rows.flatMap((r) => (r.decisionId ? [r.decisionId] : [])),
    ),
  ]);
  const byId = new Map(decisions.map((j) => [j.d.id, decisionRef(j)]));
  return (r: AdviceRow): TAdvice => ({
    id: r.id,
    expertId: r.expertId,
    expertName: names.get(r.expertId) ?? '',
    topic: r.topic,
    content: r.content,
    receivedOn: r.receivedOn,
    tags: r.tags,
    outcome: r.outcome as AdviceOutcome,
    outcomeLabel: ADVICE_OUTCOME_LABELS[r.outcome as AdviceOutcome],
    outcomeReason: r.outcomeReason,
    outcomeOn: r.outcomeOn,
    decision: r.decisionId ? (byId.get(r.decisionId) ?? null) : null,
    withdrawnReason: r.withdrawnReason,
    version: r.version,
    can: advicePolicy(actor, r),
  });
}

export async function listAdvice(deps: AppDeps, actor: Actor, q: z.infer<typeof ZAdviceQuery>) {
  thinkTankCanOr403(actor);
  const { rows, total } = await thinkTankRepo.advicePage(
    deps.db,
    actor.unitId,
    q,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  const present = await presenter(deps.db, actor, rows);
  return { total, page: q.page, pageSize: q.pageSize, items: rows.map(present) };
}

async function adviceOr404(db: Db, actor: Actor, id: string) {
  const row = await thinkTankRepo.advice(db, actor.unitId, id);
  if (!row || !advicePolicy(actor, row).see) throw notFound('建议');
  return row;
}

export async function getAdvice(deps: AppDeps, actor: Actor, id: string) {
  const row = await adviceOr404(deps.db, actor, id);
  return (await presenter(deps.db, actor, [row]))(row);
}

/** The expert named in a body: a live expert of the unit. */
async function checkExpert(db: Db, actor: Actor, expertId: string) {
  const e = await thinkTankRepo.expert(db, actor.unitId, expertId);
  if (!e || e.withdrawnReason !== null) throw badRequest('所选专家不存在或已撤销');
}

export async function createAdvice(deps: AppDeps, actor: Actor, b: z.infer<typeof ZAdviceBody>) {
  thinkTankCanOr403(actor, true);
  await checkExpert(deps.db, actor, b.expertId);
  if (b.receivedOn > shanghaiDate(deps.clock.now())) throw badRequest('收到日期不能晚于今天');
  const at = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const r = await thinkTankRepo.insertAdvice(tx, {
      unitId: actor.unitId,
      ...b,
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'advice',
      entityId: r.id,
      action: 'create',
      after: b,
    });
    return r.id;
  });
  return getAdvice(deps, actor, id);
}

async function change(
  deps: AppDeps,
  actor: Actor,
  row: AdviceRow,
  version: number,
  set: Partial<AdviceRow>,
  action: 'update' | 'withdraw' | 'record_outcome',
) {
  const diff = changedFields(row, set);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const rows = await thinkTankRepo.updateAdvice(tx, actor.unitId, row.id, version, { ...set, updatedAt: at });
    if (rows.length !== 1) throw conflict('该建议已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'advice',
      entityId: row.id,
      action,
      before: diff.before,
      after: diff.after,
    });
  });
  return getAdvice(deps, actor, row.id);
}

export async function editAdvice(
  deps: AppDeps,
  actor: Actor,
  id: string,
  b: z.infer<typeof ZAdviceBody> & { version: number },
) {
  const row = await adviceOr404(deps.db, actor, id);
  authorize(advicePolicy(actor, row), 'edit', '只有领导小组办公室可以修改未撤销的建议');
  await checkExpert(deps.db, actor, b.expertId);
  if (b.receivedOn > shanghaiDate(deps.clock.now())) throw badRequest('收到日期不能晚于今天');
  const { version, ...set } = b;
  return change(deps, actor, row, version, set, 'update');
}

export async function withdrawAdvice(deps: AppDeps, actor: Actor, id: string, b: { reason: string; version: number }) {
  const row = await adviceOr404(deps.db, actor, id);
  authorize(advicePolicy(actor, row), 'withdraw', '只有领导小组办公室可以撤销未撤销的建议');
  return change(deps, actor, row, b.version, { withdrawnReason: b.reason }, 'withdraw');
}

/** A decision named by an outcome: of the unit (else 404), of a closed 党组会议 or 局长办公会议 (else 400). */
async function checkDecision(db: Db, actor: Actor, decisionId: string) {
  const [j] = await thinkTankRepo.decisions(db, actor.unitId, [decisionId]);
  if (!j) throw notFound('会议决定');
  if (!(ADOPTING_KINDS as readonly string[]).includes(j.m.kind))
    throw badRequest('只能关联党组会议或局长办公会议的决定');
  if (j.m.status !== 'closed') throw badRequest(`“${j.m.title}”尚未形成纪要（会议未结束），不能关联其决定`);
}

export async function recordAdviceOutcome(
  deps: AppDeps,
  actor: Actor,
  id: string,
  b: z.infer<typeof ZAdviceOutcomeBody>,
) {
  const row = await adviceOr404(deps.db, actor, id);
  authorize(advicePolicy(actor, row), 'recordOutcome', '只有领导小组办公室可以登记未撤销建议的办理结果');
  const v = outcomeVerdict(b.outcome, b.reason, b.decisionId);
  if (!v.ok) throw badRequest(v.message);
  if (b.decisionId) await checkDecision(deps.db, actor, b.decisionId);
  const pending = b.outcome === 'pending';
  const set = {
    outcome: b.outcome,
    outcomeReason: pending ? null : b.reason!.trim(),
    decisionId: b.decisionId,
    outcomeOn: pending ? null : shanghaiDate(deps.clock.now()),
  };
  return change(deps, actor, row, b.version, set, 'record_outcome');
}

/** The decisions an outcome may name: of the unit's closed 党组会议 and 局长办公会议 (the office picks one). */
export async function decisionChoices(deps: AppDeps, actor: Actor, q: { q?: string }) {
  thinkTankCanOr403(actor, true);
  return (await thinkTankRepo.closedDecisions(deps.db, actor.unitId, ADOPTING_KINDS, q.q)).map(decisionRef);
}
