/**
 * 考核方案 (measures 12, 24): the office drafts a scheme (its items, grade bands with quotas, the assessment group
 * and its 组长); it is edited while a draft, frozen once the 组长 confirms it, and withdrawn with a reason only by
 * the office (kept with its scorecards and their evidence). Who sees what: domain/policies/assessment-scheme.
 */
import type { z } from 'zod';
import {
  GRADE_LABELS,
  quotaStates,
  schemeProblems,
  suggestGrades,
  type Band,
  type SchemeItem,
} from '../../../domain/assessment.js';
import { changedFields } from '../../../domain/changes.js';
import { headedDepartments } from '../../../domain/policies/leave.js';
import {
  draftsSchemes,
  schemePolicy,
  scorecardVisible,
  type SchemeFacts,
} from '../../../domain/policies/assessment-scheme.js';
import type { Actor } from '../../../domain/roles.js';
import type { TScheme, ZSchemeBody, ZSchemeEdit, ZSchemeQuery } from '../../../shared/contracts/assessment-schemes.js';
import { authorize } from '../../authorize.js';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { schemesRepo, type SchemeRow, type ScorecardRow } from './schemes.repo.js';

export const STATUS_LABELS = { draft: '草稿', confirmed: '已确认', withdrawn: '已撤销' } as const;
type Status = keyof typeof STATUS_LABELS;

export const factsOf = (r: SchemeRow): SchemeFacts => ({
  unitId: r.unitId,
  status: r.status as Status,
  groupMemberIds: r.groupMemberIds,
  groupLeadId: r.groupLeadId,
});

/** A scheme the actor may see (the whole of it, or as the subject of a confirmed card): else 404. */
export async function schemeOr404(db: Db, actor: Actor, id: string, whole = true) {
  const row = await schemesRepo.scheme(db, actor.unitId, id);
  if (!row) throw notFound('考核方案');
  if (schemePolicy(actor, factsOf(row)).see) return row;
  // Beyond its readers, a confirmed scheme exists only for those who have a card of it to read.
  if (!whole && row.status === 'confirmed') {
    const cards = await schemesRepo.cards(db, actor.unitId, row.id);
    if (cards.some((c) => scorecardVisible(actor, factsOf(row), c))) return row;
  }
  throw notFound('考核方案');
}

/** Quotas, ties (with whether the group settled them) and unscored manual items, over the scheme's cards. */
export function gradeState(row: SchemeRow, cards: ScorecardRow[], scored: Set<string>) {
  const { ties } = suggestGrades(
    cards.map((c) => ({ subjectId: c.subjectId, total: c.totalCents / 100 })),
    row.bands,
  );
  const names = new Map(cards.map((c) => [c.subjectId, c]));
  const manual = row.items.filter((i) => i.kind === 'manual');
  return {
    quotas: quotaStates(
      cards.map((c) => c.finalGrade as Band['grade']),
      row.bands,
    ).map((q) => ({ ...q, label: GRADE_LABELS[q.grade] })),
    ties: ties.map((t) => ({
      grade: t.grade,
      label: GRADE_LABELS[t.grade],
      score: t.score,
      seats: t.seats,
      subjects: t.subjectIds.map((id) => ({ id: names.get(id)!.id, name: names.get(id)!.subjectName })),
      resolved: t.subjectIds.every((id) => names.get(id)!.gradeReason !== null),
    })),
    unscored: cards.flatMap((c) =>
      manual
        .filter((i) => !scored.has(`${c.id}:${i.id}`))
        .map((i) => ({ scorecardId: c.id, subjectName: c.subjectName, itemTitle: i.title })),
    ),
  };
}

export async function presentScheme(db: Db, actor: Actor, row: SchemeRow): Promise<TScheme> {
  const can = schemePolicy(actor, factsOf(row));
  const names = await schemesRepo.personNames(db, row.unitId, [...row.groupMemberIds, row.groupLeadId]);
  const name = (id: string) => ({ id, name: names.get(id) ?? '（已删除）' });
  let state: ReturnType<typeof gradeState> = { quotas: [], ties: [], unscored: [] };
  if (can.see) {
    const cards = await schemesRepo.cards(db, row.unitId, row.id);
    const scores = await schemesRepo.manualScores(
      db,
      row.unitId,
      cards.map((c) => c.id),
    );
    state = gradeState(row, cards, new Set(scores.map((s) => `${s.s.scorecardId}:${s.s.itemId}`)));
  }
  return {
    id: row.id,
    title: row.title,
    subjectKind: row.subjectKind as TScheme['subjectKind'],
    periodKind: row.periodKind as TScheme['periodKind'],
    periodKey: row.periodKey,
    items: row.items,
    bands: row.bands,
    groupMembers: row.groupMemberIds.map(name),
    groupLead: name(row.groupLeadId),
    status: row.status as Status,
    statusLabel: STATUS_LABELS[row.status as Status],
    computedAt: row.computedAt?.toISOString() ?? null,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    withdrawnReason: row.withdrawnReason,
    version: row.version,
    ...state,
    can,
  };
}

export async function getScheme(deps: AppDeps, actor: Actor, id: string) {
  return presentScheme(deps.db, actor, await schemeOr404(deps.db, actor, id, false));
}

/** The office, the group and the leadership list every scheme; others the confirmed ones where they have a card. */
export async function listSchemes(deps: AppDeps, actor: Actor, q: z.infer<typeof ZSchemeQuery>) {
  const limit = q.pageSize;
  const offset = (q.page - 1) * q.pageSize;
  const all = await schemesRepo.schemesPage(deps.db, actor.unitId, q, 100_000, 0);
  const seen = all.rows.filter((r) => schemePolicy(actor, factsOf(r)).see).map((r) => r.id);
  const own = await schemesRepo.schemesWithCardsOf(deps.db, actor.unitId, actor.personId, headedDepartments(actor));
  const ids = [...new Set([...seen, ...own])];
  const { rows, total } = await schemesRepo.schemesPage(deps.db, actor.unitId, { ...q, ids }, limit, offset);
  const items = await Promise.all(rows.map((r) => presentScheme(deps.db, actor, r)));
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: items.map(({ quotas: _q, ties: _t, unscored: _u, items: _i, bands: _b, ...s }) => s),
  };
}

/** Items with ids, the bands, the group: checked before anything is stored. */
async function checkBody(deps: AppDeps, actor: Actor, b: z.infer<typeof ZSchemeBody>) {
  const items: SchemeItem[] = b.items;
  const bands: Band[] = b.bands;
  const problems = schemeProblems(items, bands);
  if (problems.length) throw badRequest(problems[0]!);
  await assertInUnit(
    deps.db,
    actor.unitId,
    { person: [...b.groupMemberIds, b.groupLeadId] },
    { person: '所选考核组成员不存在' },
  );
  const members = [...new Set([b.groupLeadId, ...b.groupMemberIds])];
  return { items, bands, groupMemberIds: members, periodKind: b.periodKey.includes('-Q') ? 'quarter' : 'year' };
}

export async function createScheme(deps: AppDeps, actor: Actor, b: z.infer<typeof ZSchemeBody>) {
  if (!draftsSchemes(actor)) throw forbidden('只有领导小组办公室可以制定考核方案');
  const checked = await checkBody(deps, actor, b);
  const at = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const [r] = await schemesRepo.insertScheme(tx, {
      unitId: actor.unitId,
      title: b.title,
      subjectKind: b.subjectKind,
      periodKey: b.periodKey,
      groupLeadId: b.groupLeadId,
      ...checked,
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'assessment_scheme',
      entityId: r!.id,
      action: 'create',
      after: b,
    });
    return r!.id;
  });
  return getScheme(deps, actor, id);
}

/** A change of the scheme row at the version read, audited in the caller's transaction. */
export async function changeScheme(
  tx: Db,
  actor: Actor,
  row: SchemeRow,
  version: number,
  set: Partial<SchemeRow>,
  action: 'update' | 'withdraw' | 'compute' | 'confirm',
) {
  const at = set.updatedAt ?? new Date();
  const rows = await schemesRepo.updateScheme(tx, actor.unitId, row.id, version, { ...set, updatedAt: at });
  if (rows.length !== 1) throw conflict('该考核方案已被他人修改，请刷新后再试');
  const diff = changedFields(row, set);
  await recordAudit(tx, auditActorOf(actor), at, {
    unitId: actor.unitId,
    entityType: 'assessment_scheme',
    entityId: row.id,
    action,
    before: diff.before,
    after: diff.after,
  });
}

export async function editScheme(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZSchemeEdit>) {
  const row = await schemeOr404(deps.db, actor, id);
  authorize(schemePolicy(actor, factsOf(row)), 'edit', '只有领导小组办公室可以修改草稿状态的考核方案');
  const { version, ...body } = b;
  if (body.subjectKind !== row.subjectKind || body.periodKey !== row.periodKey) {
    const cards = await schemesRepo.cards(deps.db, actor.unitId, row.id);
    if (cards.length) throw badRequest('已计算得分的方案不能更改考核对象或考核期，请撤销后重新制定');
  }
  const checked = await checkBody(deps, actor, body);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await schemesRepo.lockScheme(tx, row.id);
    const set = {
      title: body.title,
      subjectKind: body.subjectKind,
      periodKey: body.periodKey,
      groupLeadId: body.groupLeadId,
      ...checked,
    };
    await changeScheme(tx, actor, row, version, { ...set, updatedAt: at }, 'update');
  });
  return getScheme(deps, actor, id);
}

export async function withdrawScheme(deps: AppDeps, actor: Actor, id: string, b: { reason: string; version: number }) {
  const row = await schemeOr404(deps.db, actor, id);
  authorize(schemePolicy(actor, factsOf(row)), 'withdraw', '只有领导小组办公室可以撤销考核方案');
  await deps.db.transaction(async (tx) => {
    await schemesRepo.lockScheme(tx, row.id);
    await changeScheme(
      tx,
      actor,
      row,
      b.version,
      { status: 'withdrawn', withdrawnReason: b.reason, updatedAt: deps.clock.now() },
      'withdraw',
    );
  });
  return getScheme(deps, actor, id);
}
