/**
 * 经验做法 (measure 34): the office extracts a practice from a closed item, an activity or a department's progress
 * report, edits and publishes it; everyone in the unit reads published ones (domain/policies/practice). A source
 * the unit may not all read (a confidential activity, a personal item) gives no practice.
 */
import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { canReadItemContent } from '../../../domain/policies/item.js';
import {
  isOffice,
  mayExtractPractice,
  PRACTICE_SOURCE_KINDS,
  PRACTICE_STATUSES,
  practicePolicy,
  practiceSourceRefusal,
  type PracticeSourceKind,
  type PracticeStatus,
} from '../../../domain/policies/practice.js';
import { isLeadership } from '../../../domain/policies/who.js';
import type { Actor } from '../../../domain/roles.js';
import type {
  TPractice,
  ZPracticeBody,
  ZPracticeEdit,
  ZPracticeQuery,
} from '../../../shared/contracts/assessment-recognition.js';
import { authorize } from '../../authorize.js';
import { badRequest, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { loadActivity } from '../campaigns/activities.service.js';
import { loadItem } from '../supervision/item-access.service.js';
import { itemsRepo } from '../supervision/items.repo.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { changeAudited, createAudited } from './change.js';
import { recognitionRepo as repo, type PracticeRow } from './recognition.repo.js';

interface SourceText {
  sourceTitle: string;
  title: string;
  problem: string;
  action: string;
  result: string;
  departmentId: string | null;
}

async function itemSource(deps: AppDeps, actor: Actor, itemId: string, kind: PracticeSourceKind) {
  const { row } = await loadItem(deps, actor, itemId);
  const i = row.item;
  const refusal = practiceSourceRefusal({
    kind,
    readable: canReadItemContent(actor, i),
    confidential: i.personalOf !== null,
    finished: kind === 'report' || i.status === 'closed',
  });
  if (refusal) throw badRequest(refusal);
  return i;
}

/** The source's text, once the source may give a practice: 404 for what the actor may not see at all. */
async function sourceText(deps: AppDeps, actor: Actor, kind: PracticeSourceKind, id: string): Promise<SourceText> {
  if (kind === 'item') {
    const i = await itemSource(deps, actor, id, 'item');
    const reports = await itemsRepo.reports(deps.db, actor.unitId, i.id);
    return {
      sourceTitle: i.title,
      title: i.title,
      problem: i.content,
      action: reports.map((r) => r.text).join('\n'),
      result: i.result ?? '',
      departmentId: i.leadDepartmentId,
    };
  }
  if (kind === 'report') {
    const r = await repo.reportWithItem(deps.db, actor.unitId, id);
    if (!r) throw notFound('进展报告');
    const i = await itemSource(deps, actor, r.itemId, 'report');
    return {
      sourceTitle: `${i.title}（${r.report.reportedOn}进展报告）`,
      title: i.title,
      problem: i.content,
      action: r.report.text,
      result: '',
      departmentId: i.leadDepartmentId,
    };
  }
  const { a, can } = await loadActivity(deps, actor, id);
  const refusal = practiceSourceRefusal({
    kind,
    readable: can.readDetails,
    confidential: a.confidential,
    finished: a.active,
  });
  if (refusal) throw badRequest(refusal);
  return {
    sourceTitle: a.title,
    title: a.title,
    problem: '',
    action: a.minutes,
    result: '',
    departmentId: a.departmentId,
  };
}

const extractOr403 = (actor: Actor) => {
  if (!mayExtractPractice(actor)) throw forbidden('只有领导小组办公室可以提炼经验做法');
};

export async function practicePrefill(
  deps: AppDeps,
  actor: Actor,
  q: { sourceKind: PracticeSourceKind; sourceId: string },
) {
  extractOr403(actor);
  return {
    sourceKind: q.sourceKind,
    sourceId: q.sourceId,
    ...(await sourceText(deps, actor, q.sourceKind, q.sourceId)),
  };
}

async function presenter(deps: AppDeps, actor: Actor, rows: PracticeRow[]) {
  const depts = await repo.departmentNames(
    deps.db,
    actor.unitId,
    rows.map((r) => r.departmentId),
  );
  return (r: PracticeRow): TPractice => ({
    id: r.id,
    sourceKind: r.sourceKind as PracticeSourceKind,
    sourceKindLabel: PRACTICE_SOURCE_KINDS[r.sourceKind as PracticeSourceKind],
    sourceId: r.sourceId,
    title: r.title,
    problem: r.problem,
    action: r.action,
    result: r.result,
    steps: r.steps,
    tags: r.tags,
    departmentId: r.departmentId,
    departmentName: r.departmentId ? (depts.get(r.departmentId) ?? null) : null,
    status: r.status as PracticeStatus,
    statusLabel: PRACTICE_STATUSES[r.status as PracticeStatus],
    publishedOn: r.publishedOn,
    withdrawnReason: r.withdrawnReason,
    version: r.version,
    can: practicePolicy(actor, factsOf(r)),
  });
}
const factsOf = (r: PracticeRow) => ({ ...r, status: r.status as PracticeStatus });

/** The office and the leadership list drafts and withdrawn ones too; everyone else the live published ones. */
export const seesPracticeDrafts = (actor: Actor) => isOffice(actor) || isLeadership(actor);

export async function listPractices(deps: AppDeps, actor: Actor, q: z.infer<typeof ZPracticeQuery>) {
  const { rows, total } = await repo.practicesPage(
    deps.db,
    actor.unitId,
    q,
    seesPracticeDrafts(actor),
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  const present = await presenter(deps, actor, rows);
  return { total, page: q.page, pageSize: q.pageSize, items: rows.map(present) };
}

export async function practiceOr404(deps: AppDeps, actor: Actor, id: string) {
  const row = await repo.practice(deps.db, actor.unitId, id);
  if (!row || !practicePolicy(actor, factsOf(row)).see) throw notFound('经验做法');
  return row;
}

export async function getPractice(deps: AppDeps, actor: Actor, id: string) {
  const row = await practiceOr404(deps, actor, id);
  return (await presenter(deps, actor, [row]))(row);
}

export async function createPractice(deps: AppDeps, actor: Actor, b: z.infer<typeof ZPracticeBody>) {
  extractOr403(actor);
  await sourceText(deps, actor, b.sourceKind, b.sourceId);
  await assertInUnit(deps.db, actor.unitId, { department: b.departmentId });
  const id = await createAudited(
    deps,
    actor,
    'good_practice',
    (tx, at) =>
      repo.insertPractice(tx, { unitId: actor.unitId, ...b, createdBy: actor.userId, createdAt: at, updatedAt: at }),
    b,
  );
  return getPractice(deps, actor, id);
}

async function change(
  deps: AppDeps,
  actor: Actor,
  row: PracticeRow,
  version: number,
  set: Partial<PracticeRow>,
  action: 'update' | 'publish' | 'withdraw',
) {
  await changeAudited(deps, actor, 'good_practice', row, version, set, action, (tx, s) =>
    repo.updatePractice(tx, actor.unitId, row.id, version, s),
  );
  return getPractice(deps, actor, row.id);
}

export async function editPractice(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZPracticeEdit>) {
  const row = await practiceOr404(deps, actor, id);
  authorize(practicePolicy(actor, factsOf(row)), 'edit', '只有领导小组办公室可以修改未撤销的经验做法');
  await assertInUnit(deps.db, actor.unitId, { department: b.departmentId });
  const { version, ...set } = b;
  return change(deps, actor, row, version, set, 'update');
}

export async function publishPractice(deps: AppDeps, actor: Actor, id: string, b: { version: number }) {
  const row = await practiceOr404(deps, actor, id);
  authorize(practicePolicy(actor, factsOf(row)), 'publish', '只有领导小组办公室可以发布草稿状态的经验做法');
  const publishedOn = shanghaiDate(deps.clock.now());
  return change(deps, actor, row, b.version, { status: 'published', publishedOn }, 'publish');
}

export async function withdrawPractice(
  deps: AppDeps,
  actor: Actor,
  id: string,
  b: { reason: string; version: number },
) {
  const row = await practiceOr404(deps, actor, id);
  authorize(practicePolicy(actor, factsOf(row)), 'withdraw', '只有领导小组办公室可以撤销经验做法');
  return change(deps, actor, row, b.version, { withdrawnReason: b.reason }, 'withdraw');
}
