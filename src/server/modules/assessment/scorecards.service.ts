/**
 * Scorecards (measures 12, 24): computed by the office from the record (the indicators part's values, each point
 * with its evidence), the manual items scored by the group with a reason, grades suggested under the quotas and
 * changed by the group with a reason (never past a quota), confirmed by the 组长 — then frozen.
 */
import type { z } from 'zod';
import {
  fromCents,
  GRADE_LABELS,
  gradeChangeProblem,
  rescore,
  scorecard,
  suggestGrades,
  toCents,
  type Grade,
  type ManualInput,
} from '../../../domain/assessment.js';
import { schemePolicy, scorecardVisible } from '../../../domain/policies/assessment-scheme.js';
import { isMe } from '../../../domain/policies/who.js';
import type { Actor } from '../../../domain/roles.js';
import type { TScorecard, ZGradeBody, ZManualScoreBody } from '../../../shared/contracts/assessment-schemes.js';
import { authorize } from '../../authorize.js';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { schemeIndicatorInputs, type Subject } from './scheme-values.js';
import type { NewCard } from './schemes.repo.js';
import { schemesRepo, type SchemeRow, type ScorecardRow } from './schemes.repo.js';

import { changeScheme, factsOf, getScheme, gradeState, schemeOr404 } from './schemes.service.js';

const HREF: Record<string, (id: string) => string> = {
  item: (id) => `/items?item=${id}`,
  finding: () => '/discipline?tab=notices',
};

async function subjectsOf(db: Db, row: SchemeRow): Promise<Subject[]> {
  if (row.subjectKind === 'department')
    return (await schemesRepo.departments(db, row.unitId)).map((d) => ({ ...d, personId: null, departmentId: d.id }));
  return (await schemesRepo.staff(db, row.unitId)).map((p) => ({
    id: p.id,
    name: p.name,
    personId: p.id,
    departmentId: p.departmentId,
  }));
}

async function manualInputs(db: Db, unitId: string, cardIds: string[]) {
  const rows = await schemesRepo.manualScores(db, unitId, cardIds);
  return rows.map((r) => ({
    cardId: r.s.scorecardId,
    assessorId: r.s.assessorPersonId,
    input: {
      itemId: r.s.itemId,
      assessorName: r.assessorName ?? '（已删除）',
      points: fromCents(r.s.pointsCents),
      reason: r.s.reason,
    },
  }));
}

/** Grades suggested afresh over all the cards; a grade the group set (with its reason) stays. */
async function regrade(tx: Db, row: SchemeRow) {
  const cards = await schemesRepo.cards(tx, row.unitId, row.id);
  const { grades } = suggestGrades(
    cards.map((c) => ({ subjectId: c.subjectId, total: fromCents(c.totalCents) })),
    row.bands,
  );
  for (const c of cards) {
    const g = grades.get(c.subjectId)!;
    const finalGrade = c.gradeReason === null ? g : c.finalGrade;
    if (g !== c.suggestedGrade || finalGrade !== c.finalGrade)
      await schemesRepo.updateCard(tx, row.unitId, c.id, { suggestedGrade: g, finalGrade });
  }
}

/** (Re)computes the draft cards of every subject from the record, keeping the manual scores entered so far. */
export async function computeScheme(deps: AppDeps, actor: Actor, id: string, version: number) {
  const row = await schemeOr404(deps.db, actor, id);
  authorize(schemePolicy(actor, factsOf(row)), 'compute', '只有领导小组办公室可以计算草稿状态方案的得分');
  const subjects = await subjectsOf(deps.db, row);
  const inputs = await schemeIndicatorInputs(deps, actor.unitId, row, subjects);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await schemesRepo.lockScheme(tx, row.id);
    const existing = new Map((await schemesRepo.cards(tx, row.unitId, row.id)).map((c) => [c.subjectId, c]));
    const manual = await manualInputs(
      tx,
      row.unitId,
      [...existing.values()].map((c) => c.id),
    );
    const fresh: NewCard[] = [];
    for (const s of subjects) {
      const old = existing.get(s.id);
      const mine = old ? manual.filter((m) => m.cardId === old.id).map((m) => m.input) : [];
      const card = scorecard(row.items, inputs.get(s.id) ?? [], mine);
      const values = { subjectName: s.name, totalCents: toCents(card.total), points: card.points, updatedAt: at };
      if (old) await schemesRepo.updateCard(tx, row.unitId, old.id, values);
      else
        fresh.push({
          unitId: row.unitId,
          schemeId: row.id,
          subjectId: s.id,
          subjectPersonId: s.personId,
          subjectDepartmentId: s.departmentId,
          suggestedGrade: 'competent',
          finalGrade: 'competent',
          createdAt: at,
          ...values,
        });
    }
    await schemesRepo.insertCards(tx, fresh);
    await regrade(tx, row);
    await changeScheme(tx, actor, row, version, { computedAt: at, updatedAt: at }, 'compute');
  });
  return getScheme(deps, actor, id);
}

function presentCard(
  actor: Actor,
  row: SchemeRow,
  c: ScorecardRow,
  manual: Awaited<ReturnType<typeof manualInputs>>,
): TScorecard {
  const can = schemePolicy(actor, factsOf(row));
  // A draft card whose manual items are not all scored has no grade yet: its total is not the subject's.
  const pending =
    row.status === 'draft' &&
    row.items.some((i) => i.kind === 'manual' && !manual.some((m) => m.cardId === c.id && m.input.itemId === i.id));
  return {
    id: c.id,
    schemeId: row.id,
    schemeTitle: row.title,
    schemeStatus: row.status as TScorecard['schemeStatus'],
    periodKey: row.periodKey,
    subjectId: c.subjectId,
    subjectName: c.subjectName,
    total: fromCents(c.totalCents),
    suggestedGrade: c.suggestedGrade as Grade,
    finalGrade: c.finalGrade as Grade,
    finalGradeLabel: pending ? '待评分' : GRADE_LABELS[c.finalGrade as Grade],
    gradeReason: c.gradeReason,
    points: c.points.map((p) => ({
      ...p,
      evidence: p.evidence.map((e) => ({ ...e, href: HREF[e.kind]?.(e.id) ?? null })),
    })),
    manualScores: manual
      .filter((m) => m.cardId === c.id)
      .map((m) => ({ ...m.input, assessorId: m.assessorId, mine: isMe(actor, m.assessorId) })),
    version: c.version,
    can: { score: can.score, grade: can.grade },
  };
}

/** The cards of a scheme the actor may read: all of them, or their own / their department's once confirmed. */
export async function listScorecards(deps: AppDeps, actor: Actor, id: string, q: { page: number; pageSize: number }) {
  const row = await schemeOr404(deps.db, actor, id, false);
  const cards = (await schemesRepo.cards(deps.db, actor.unitId, row.id)).filter((c) =>
    scorecardVisible(actor, factsOf(row), c),
  );
  const page = cards.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const manual = await manualInputs(
    deps.db,
    actor.unitId,
    page.map((c) => c.id),
  );
  const items = page.map(({ ...c }) => {
    const { points: _p, manualScores: _m, ...rest } = presentCard(actor, row, c, manual);
    return rest;
  });
  return { total: cards.length, page: q.page, pageSize: q.pageSize, items };
}

async function cardOr404(db: Db, actor: Actor, id: string) {
  const c = await schemesRepo.card(db, actor.unitId, id);
  const row = c && (await schemesRepo.scheme(db, actor.unitId, c.schemeId));
  if (!c || !row || !scorecardVisible(actor, factsOf(row), c)) throw notFound('考核结果');
  return { c, row };
}

export async function getScorecard(deps: AppDeps, actor: Actor, id: string) {
  const { c, row } = await cardOr404(deps.db, actor, id);
  return presentCard(actor, row, c, await manualInputs(deps.db, actor.unitId, [c.id]));
}

export async function enterManualScore(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZManualScoreBody>) {
  const { c, row } = await cardOr404(deps.db, actor, id);
  authorize(schemePolicy(actor, factsOf(row)), 'score', '只有考核组成员可以在方案确认前评分');
  const item = row.items.find((i) => i.id === b.itemId);
  if (!item || item.kind !== 'manual') throw badRequest('所选考核项目不是人工评分项目');
  if (b.points > item.maxPoints) throw badRequest(`“${item.title}”满分为 ${item.maxPoints} 分`);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await schemesRepo.lockScheme(tx, row.id);
    const fresh = await schemesRepo.scheme(tx, row.unitId, row.id);
    if (fresh?.status !== 'draft') throw conflict('该考核方案已确认或撤销，不能再评分');
    const v = {
      unitId: row.unitId,
      scorecardId: c.id,
      itemId: b.itemId,
      assessorPersonId: actor.personId!,
      pointsCents: toCents(b.points),
      reason: b.reason,
    };
    await schemesRepo.upsertManualScore(tx, { ...v, createdAt: at, updatedAt: at });
    const manual: ManualInput[] = (await manualInputs(tx, row.unitId, [c.id])).map((m) => m.input);
    const card = rescore(row.items, c.points, manual);
    await schemesRepo.updateCard(tx, row.unitId, c.id, {
      points: card.points,
      totalCents: toCents(card.total),
      updatedAt: at,
    });
    await regrade(tx, row);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: row.unitId,
      entityType: 'assessment_scorecard',
      entityId: c.id,
      action: 'score',
      after: { itemId: b.itemId, points: b.points, reason: b.reason },
    });
  });
  return getScorecard(deps, actor, id);
}

/** The group changes a grade (or settles a tie) with a reason; a change that breaks a quota is refused. */
export async function changeGrade(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZGradeBody>) {
  const { c, row } = await cardOr404(deps.db, actor, id);
  authorize(schemePolicy(actor, factsOf(row)), 'grade', '只有考核组成员可以在方案确认前调整等次');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await schemesRepo.lockScheme(tx, row.id);
    const cards = await schemesRepo.cards(tx, row.unitId, row.id);
    const current = new Map(cards.map((x) => [x.subjectId, x.finalGrade as Grade]));
    const problem = gradeChangeProblem(current, c.subjectId, b.grade, row.bands);
    if (problem) throw conflict(problem);
    const set = { finalGrade: b.grade, gradeReason: b.reason, gradeChangedBy: actor.personId, updatedAt: at };
    if ((await schemesRepo.updateCard(tx, row.unitId, c.id, set, b.version)).length !== 1)
      throw conflict('该考核结果已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: row.unitId,
      entityType: 'assessment_scorecard',
      entityId: c.id,
      action: 'grade',
      before: { finalGrade: c.finalGrade },
      after: { finalGrade: b.grade, reason: b.reason },
    });
  });
  return getScorecard(deps, actor, id);
}

/** The 组长 confirms: refused while a card is uncomputed, a manual item unscored, a quota tie unsettled or broken. */
export async function confirmScheme(deps: AppDeps, actor: Actor, id: string, version: number) {
  const row = await schemeOr404(deps.db, actor, id);
  authorize(schemePolicy(actor, factsOf(row)), 'confirm', '只有考核组组长可以确认草稿状态的考核方案');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await schemesRepo.lockScheme(tx, row.id);
    const cards = await schemesRepo.cards(tx, row.unitId, row.id);
    if (cards.length === 0) throw conflict('尚未计算考核得分，不能确认');
    const scores = await schemesRepo.manualScores(
      tx,
      row.unitId,
      cards.map((x) => x.id),
    );
    const state = gradeState(row, cards, new Set(scores.map((s) => `${s.s.scorecardId}:${s.s.itemId}`)));
    const u = state.unscored[0];
    if (u) throw conflict(`“${u.subjectName}”的“${u.itemTitle}”尚未评分，不能确认`);
    const tie = state.ties.find((t) => !t.resolved);
    if (tie)
      throw conflict(
        `${tie.label}名额边界上有 ${tie.subjects.length} 个考核对象同分（${tie.score} 分），请考核组先确定等次`,
      );
    const broken = state.quotas.find((q) => !q.ok);
    if (broken) throw conflict(`${broken.label}超出名额（${broken.count}/${broken.quota}），不能确认`);
    await changeScheme(
      tx,
      actor,
      row,
      version,
      { status: 'confirmed', confirmedBy: actor.personId, confirmedAt: at, updatedAt: at },
      'confirm',
    );
  });
  return getScheme(deps, actor, id);
}
