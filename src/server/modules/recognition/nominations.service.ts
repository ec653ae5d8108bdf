/**
 * 先进典型 (measure 15): the office nominates a person, a department or a published practice with the facts; the
 * leading group (党组书记, 班子成员) reviews — 推荐 or 不推荐, with its reason. Honours received (获评荣誉) are recorded
 * by the office with their level and read by everyone in the unit (domain/policies/recognition).
 */
import type { z } from 'zod';
import { practicePolicy, type PracticeStatus } from '../../../domain/policies/practice.js';
import {
  HONOUR_LEVELS,
  honourPolicy,
  mayNominate,
  mayRecordHonour,
  maySeeNominations,
  NOMINATION_STATUSES,
  nominationPolicy,
  NOMINEE_KINDS,
  type HonourHolderKind,
  type HonourLevel,
  type NominationStatus,
  type NomineeKind,
} from '../../../domain/policies/recognition.js';
import { shanghaiDate } from '../../../domain/civil-date.js';
import type { Actor } from '../../../domain/roles.js';
import type {
  THonour,
  TNomination,
  ZHonourBody,
  ZHonourEdit,
  ZHonourQuery,
  ZNominationBody,
  ZNominationQuery,
  ZNominationReview,
} from '../../../shared/contracts/assessment-recognition.js';
import { authorize } from '../../authorize.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { changeAudited, createAudited } from './change.js';
import { recognitionRepo as repo, type HonourRow, type NominationRow } from './recognition.repo.js';

/** The names of people, departments and practices some rows name, by kind. */
async function namesOf(deps: AppDeps, unitId: string, refs: { kind: string; id: string }[]) {
  const ids = (k: string) => refs.filter((r) => r.kind === k).map((r) => r.id);
  const [persons, depts, practices] = await Promise.all([
    repo.personNames(deps.db, unitId, ids('person')),
    repo.departmentNames(deps.db, unitId, ids('department')),
    repo.practiceTitles(deps.db, unitId, ids('practice')),
  ]);
  return (kind: string, id: string) =>
    (kind === 'person' ? persons.get(id) : kind === 'department' ? depts.get(id) : practices.get(id)?.title) ??
    '（已删除）';
}

async function presentNominations(deps: AppDeps, actor: Actor, rows: NominationRow[]): Promise<TNomination[]> {
  const [name, reviewers] = await Promise.all([
    namesOf(
      deps,
      actor.unitId,
      rows.map((r) => ({ kind: r.nomineeKind, id: r.nomineeId })),
    ),
    repo.userNames(
      deps.db,
      actor.unitId,
      rows.map((r) => r.reviewedBy),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    nomineeKind: r.nomineeKind as NomineeKind,
    nomineeKindLabel: NOMINEE_KINDS[r.nomineeKind as NomineeKind],
    nomineeId: r.nomineeId,
    nomineeName: name(r.nomineeKind, r.nomineeId),
    facts: r.facts,
    status: r.status as NominationStatus,
    statusLabel: NOMINATION_STATUSES[r.status as NominationStatus],
    decisionReason: r.decisionReason,
    reviewedByName: r.reviewedBy ? (reviewers.get(r.reviewedBy) ?? null) : null,
    reviewedOn: r.reviewedAt ? shanghaiDate(r.reviewedAt) : null,
    createdOn: shanghaiDate(r.createdAt),
    withdrawnReason: r.withdrawnReason,
    version: r.version,
    can: nominationPolicy(actor, { ...r, status: r.status as NominationStatus }),
  }));
}

export async function listNominations(deps: AppDeps, actor: Actor, q: z.infer<typeof ZNominationQuery>) {
  if (!maySeeNominations(actor)) throw forbidden('先进典型推荐只有领导小组办公室和班子成员可以查看');
  const { rows, total } = await repo.nominationsPage(deps.db, actor.unitId, q, q.pageSize, (q.page - 1) * q.pageSize);
  return { total, page: q.page, pageSize: q.pageSize, items: await presentNominations(deps, actor, rows) };
}

async function nominationOr404(deps: AppDeps, actor: Actor, id: string) {
  const row = await repo.nomination(deps.db, actor.unitId, id);
  if (!row || !nominationPolicy(actor, { ...row, status: row.status as NominationStatus }).see)
    throw notFound('先进典型推荐');
  return row;
}

export async function getNomination(deps: AppDeps, actor: Actor, id: string) {
  return (await presentNominations(deps, actor, [await nominationOr404(deps, actor, id)]))[0]!;
}

/** A practice is nominated once published (and not withdrawn); people and departments must be the unit's. */
async function checkNominee(deps: AppDeps, actor: Actor, kind: NomineeKind, id: string) {
  if (kind === 'person') return assertInUnit(deps.db, actor.unitId, { person: id });
  if (kind === 'department') return assertInUnit(deps.db, actor.unitId, { department: id });
  const p = await repo.practice(deps.db, actor.unitId, id);
  if (!p) throw badRequest('所选经验做法不存在');
  if (!practicePolicy(actor, { ...p, status: p.status as PracticeStatus }).nominate)
    throw badRequest('只能推荐已发布且未撤销的经验做法');
}

export async function createNomination(deps: AppDeps, actor: Actor, b: z.infer<typeof ZNominationBody>) {
  if (!mayNominate(actor)) throw forbidden('只有领导小组办公室可以推荐先进典型');
  await checkNominee(deps, actor, b.nomineeKind, b.nomineeId);
  // One nomination at a time: the leading group decides it before the same one is put forward again.
  if (await repo.pendingNomination(deps.db, actor.unitId, b.nomineeKind, b.nomineeId))
    throw conflict('该对象已有待评审的推荐，请待领导小组评审后再推荐');
  const id = await createAudited(
    deps,
    actor,
    'nomination',
    (tx, at) =>
      repo.insertNomination(tx, { unitId: actor.unitId, ...b, createdBy: actor.userId, createdAt: at, updatedAt: at }),
    b,
  );
  return getNomination(deps, actor, id);
}

export async function reviewNomination(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZNominationReview>) {
  const row = await nominationOr404(deps, actor, id);
  authorize(
    nominationPolicy(actor, { ...row, status: row.status as NominationStatus }),
    'review',
    '只有党组书记和班子成员可以评审待评审的推荐',
  );
  const set = { status: b.decision, decisionReason: b.reason, reviewedBy: actor.userId, reviewedAt: deps.clock.now() };
  await changeAudited(deps, actor, 'nomination', row, b.version, set, 'decide', (tx, s) =>
    repo.updateNomination(tx, actor.unitId, row.id, b.version, s),
  );
  return getNomination(deps, actor, id);
}

export async function withdrawNomination(
  deps: AppDeps,
  actor: Actor,
  id: string,
  b: { reason: string; version: number },
) {
  const row = await nominationOr404(deps, actor, id);
  authorize(
    nominationPolicy(actor, { ...row, status: row.status as NominationStatus }),
    'withdraw',
    '只有领导小组办公室可以撤销待评审的推荐',
  );
  await changeAudited(deps, actor, 'nomination', row, b.version, { withdrawnReason: b.reason }, 'withdraw', (tx, s) =>
    repo.updateNomination(tx, actor.unitId, row.id, b.version, s),
  );
  return getNomination(deps, actor, id);
}

// ——— 获评荣誉 ———

async function presentHonours(deps: AppDeps, actor: Actor, rows: HonourRow[]): Promise<THonour[]> {
  const name = await namesOf(
    deps,
    actor.unitId,
    rows.map((r) => ({ kind: r.holderKind, id: r.holderId })),
  );
  return rows.map((r) => ({
    id: r.id,
    holderKind: r.holderKind as HonourHolderKind,
    holderId: r.holderId,
    holderName: name(r.holderKind, r.holderId),
    title: r.title,
    level: r.level as HonourLevel,
    levelLabel: HONOUR_LEVELS[r.level as HonourLevel],
    awardedOn: r.awardedOn,
    issuer: r.issuer,
    nominationId: r.nominationId,
    withdrawnReason: r.withdrawnReason,
    version: r.version,
    can: honourPolicy(actor, r),
  }));
}

export async function listHonours(deps: AppDeps, actor: Actor, q: z.infer<typeof ZHonourQuery>) {
  const { rows, total } = await repo.honoursPage(
    deps.db,
    actor.unitId,
    q,
    mayRecordHonour(actor),
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { total, page: q.page, pageSize: q.pageSize, items: await presentHonours(deps, actor, rows) };
}

async function honourOr404(deps: AppDeps, actor: Actor, id: string) {
  const row = await repo.honour(deps.db, actor.unitId, id);
  if (!row || !honourPolicy(actor, row).see) throw notFound('获评荣誉');
  return row;
}

export async function getHonour(deps: AppDeps, actor: Actor, id: string) {
  return (await presentHonours(deps, actor, [await honourOr404(deps, actor, id)]))[0]!;
}

async function checkHonour(deps: AppDeps, actor: Actor, b: z.infer<typeof ZHonourBody>) {
  if (b.awardedOn > shanghaiDate(deps.clock.now())) throw badRequest('获评日期不能晚于今天');
  await assertInUnit(
    deps.db,
    actor.unitId,
    b.holderKind === 'person' ? { person: b.holderId } : { department: b.holderId },
  );
  if (b.nominationId && !(await repo.nomination(deps.db, actor.unitId, b.nominationId)))
    throw badRequest('所选推荐不存在');
}

export async function createHonour(deps: AppDeps, actor: Actor, b: z.infer<typeof ZHonourBody>) {
  if (!mayRecordHonour(actor)) throw forbidden('只有领导小组办公室可以登记获评荣誉');
  await checkHonour(deps, actor, b);
  const id = await createAudited(
    deps,
    actor,
    'honour',
    (tx, at) =>
      repo.insertHonour(tx, { unitId: actor.unitId, ...b, createdBy: actor.userId, createdAt: at, updatedAt: at }),
    b,
  );
  return getHonour(deps, actor, id);
}

export async function editHonour(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZHonourEdit>) {
  const row = await honourOr404(deps, actor, id);
  authorize(honourPolicy(actor, row), 'edit', '只有领导小组办公室可以修改未撤销的获评荣誉');
  const { version, ...set } = b;
  await checkHonour(deps, actor, set);
  await changeAudited(deps, actor, 'honour', row, version, set, 'update', (tx, s) =>
    repo.updateHonour(tx, actor.unitId, row.id, version, s),
  );
  return getHonour(deps, actor, id);
}

export async function withdrawHonour(deps: AppDeps, actor: Actor, id: string, b: { reason: string; version: number }) {
  const row = await honourOr404(deps, actor, id);
  authorize(honourPolicy(actor, row), 'withdraw', '只有领导小组办公室可以撤销获评荣誉');
  await changeAudited(deps, actor, 'honour', row, b.version, { withdrawnReason: b.reason }, 'withdraw', (tx, s) =>
    repo.updateHonour(tx, actor.unitId, row.id, b.version, s),
  );
  return getHonour(deps, actor, id);
}
