import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import {
  DRAFT_KIND_LABELS,
  DRAFT_STATUS_LABELS,
  publicRefusal,
  SOURCE_KIND_LABELS,
  type DraftKind,
  type DraftStatus,
  type TargetKind,
} from '../../../domain/consultation.js';
import {
  consultationPolicy,
  consultationScope,
  mayCreateDraft,
  type ConsultationCan,
  type ConsultationFacts,
} from '../../../domain/policies/consultation.js';
import { headedDepartments } from '../../../domain/policies/leave.js';
import type { Actor } from '../../../domain/roles.js';
import { addWorkingDays } from '../../../domain/workdays.js';
import type {
  TDraft,
  ZDraftBody,
  ZDraftEdit,
  ZDraftQuery,
  ZOpenConsultation,
} from '../../../shared/contracts/consultations.js';
import { authorize } from '../../authorize.js';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { calendarForUnit } from '../calendar/calendar.service.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { consultationsRepo, type DraftRow, type TargetRow } from './consultations.repo.js';
import { closePublicForm, openPublicForm, publicLinkOf, type NewTarget, notifyTargets } from './consultation-public.js';
import { draftTally } from './consultation-comments.service.js';

export const factsOf = (d: DraftRow, targets: readonly TargetRow[]): ConsultationFacts => ({
  unitId: d.unitId,
  departmentId: d.departmentId,
  kind: d.kind as DraftKind,
  confidential: d.confidential,
  status: d.status as DraftStatus,
  hasPublic: !!d.publicFormId,
  targetPersonIds: targets.filter((t) => t.kind === 'person').map((t) => t.refId),
  targetDepartmentIds: targets.filter((t) => t.kind === 'department').map((t) => t.refId),
});

/** The draft, its targets and what the actor may do; 404 for anyone its policy does not let see it. */
export async function draftOr404(db: Db, actor: Actor, id: string) {
  const row = await consultationsRepo.byId(db, actor.unitId, id);
  const targets = row ? await consultationsRepo.targets(db, actor.unitId, [row.id]) : [];
  const can = row && consultationPolicy(actor, factsOf(row, targets));
  if (!row || !can?.see) throw notFound('征求意见稿');
  return { row, targets, can };
}

function present(d: DraftRow, departmentName: string, can: ConsultationCan): TDraft {
  return {
    id: d.id,
    title: d.title,
    kind: d.kind as DraftKind,
    kindLabel: DRAFT_KIND_LABELS[d.kind as DraftKind],
    departmentId: d.departmentId,
    departmentName,
    confidential: d.confidential,
    status: d.status as DraftStatus,
    statusLabel: DRAFT_STATUS_LABELS[d.status as DraftStatus],
    openedOn: d.openedOn,
    dueOn: d.dueOn,
    closedOn: d.closedOn,
    withdrawnReason: d.withdrawnReason,
    version: d.version,
    can,
  };
}

/** The targets whose comments a consulted reader reads: the ones they were asked as. */
export function ownTargets(actor: Actor, targets: readonly TargetRow[]) {
  const headed = headedDepartments(actor);
  return targets.filter(
    (t) => (t.kind === 'person' && t.refId === actor.personId) || (t.kind === 'department' && headed.includes(t.refId)),
  );
}

export async function listDrafts(deps: AppDeps, actor: Actor, q: z.infer<typeof ZDraftQuery>) {
  const { rows, total } = await consultationsRepo.page(
    deps.db,
    actor.unitId,
    consultationScope(actor),
    q,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  const ids = rows.map((r) => r.id);
  const [targets, depts] = await Promise.all([
    consultationsRepo.targets(deps.db, actor.unitId, ids),
    consultationsRepo.departmentNames(
      deps.db,
      actor.unitId,
      rows.map((r) => r.departmentId),
    ),
  ]);
  const items = rows.map((r) => {
    const can = consultationPolicy(
      actor,
      factsOf(
        r,
        targets.filter((t) => t.draftId === r.id),
      ),
    );
    return present(r, depts.get(r.departmentId) ?? '', can);
  });
  return { total, page: q.page, pageSize: q.pageSize, items };
}

export async function getDraft(deps: AppDeps, actor: Actor, id: string) {
  const { row, targets, can } = await draftOr404(deps.db, actor, id);
  const [depts, counts, tally, publicLink] = await Promise.all([
    consultationsRepo.departmentNames(deps.db, actor.unitId, [row.departmentId]),
    consultationsRepo.commentCounts(deps.db, actor.unitId, row.id),
    draftTally(deps, actor, row, can),
    can.manage ? publicLinkOf(deps, row) : Promise.resolve(null),
  ]);
  // A consulted reader sees whom they were asked as, not the whole list of those consulted.
  const shown = can.manage ? targets : ownTargets(actor, targets);
  return {
    ...present(row, depts.get(row.departmentId) ?? '', can),
    body: row.body,
    targets: shown.map((t) => ({
      id: t.id,
      kind: t.kind as TargetKind,
      kindLabel: SOURCE_KIND_LABELS[t.kind as TargetKind],
      name: t.name,
      notifiedOn: t.notifiedOn,
      comments: counts.get(t.id) ?? 0,
    })),
    publicLink,
    tally,
  };
}

export async function createDraft(deps: AppDeps, actor: Actor, b: z.infer<typeof ZDraftBody>) {
  await assertInUnit(deps.db, actor.unitId, { department: b.departmentId });
  if (!mayCreateDraft(actor, b.departmentId)) throw forbidden('只有领导小组办公室或起草科室的负责人可以新建征求意见稿');
  if (!actor.personId) throw badRequest('当前账号未关联人员，不能起草');
  const at = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const d = await consultationsRepo.insert(tx, {
      unitId: actor.unitId,
      ...b,
      status: 'draft',
      createdBy: actor.personId!,
      createdAt: at,
      updatedAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'consultation_draft',
      entityId: d.id,
      action: 'create',
      after: { title: b.title, kind: b.kind, departmentId: b.departmentId, confidential: b.confidential },
    });
    return d.id;
  });
  return getDraft(deps, actor, id);
}

type Action = 'update' | 'open' | 'close' | 'withdraw';

/** One change of a draft at the version read, with its audit event (and what goes with it) in one transaction. */
async function change(
  deps: AppDeps,
  actor: Actor,
  row: DraftRow,
  version: number,
  set: Partial<DraftRow>,
  audit: { action: Action; after: unknown },
  alsoInTx?: (tx: Db) => Promise<void>,
) {
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await consultationsRepo.update(tx, actor.unitId, row.id, version, { ...set, updatedAt: at })))
      throw conflict('该征求意见稿已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'consultation_draft',
      entityId: row.id,
      action: audit.action,
      after: audit.after,
    });
    await alsoInTx?.(tx);
  });
  return getDraft(deps, actor, row.id);
}

export async function editDraft(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZDraftEdit>) {
  const { row, can } = await draftOr404(deps.db, actor, id);
  authorize(can, 'edit', '只有起草方可以在发出征求意见前修改');
  const { version, ...set } = b;
  const changed = (Object.keys(set) as (keyof typeof set)[]).filter((k) => set[k] !== row[k]);
  return change(deps, actor, row, version, set, { action: 'update', after: { changed } });
}

/** The named targets of an opening, each checked to be of the unit, with the name it had when asked. */
async function targetsOfOpening(deps: AppDeps, actor: Actor, b: z.infer<typeof ZOpenConsultation>) {
  const ids = { department: [...new Set(b.departmentIds)], person: [...new Set(b.personIds)] };
  await assertInUnit(deps.db, actor.unitId, ids);
  const contactIds = [...new Set(b.contactObjectIds)];
  const [depts, persons, objects] = await Promise.all([
    consultationsRepo.departmentNames(deps.db, actor.unitId, ids.department),
    consultationsRepo.personNames(deps.db, actor.unitId, ids.person),
    consultationsRepo.activeContactObjects(deps.db, actor.unitId, contactIds),
  ]);
  if (objects.size !== contactIds.length) throw badRequest('所选联系对象不存在或已撤销');
  const of = (kind: TargetKind, names: Map<string, string>, list: string[]): NewTarget[] =>
    list.map((refId) => ({ kind, refId, name: names.get(refId) ?? '' }));
  return [
    ...of('department', depts, ids.department),
    ...of('person', persons, ids.person),
    ...of('contact_object', objects, contactIds),
  ];
}

/**
 * 发出征求意见: the named targets are recorded and notified (inbox, with the deadline in working days of the
 * unit's calendar); with `public`, an opinion form is made for the draft and opened with a public link —
 * refused, with nothing changed, for a draft 依法需要保密 or not a 民生事项.
 */
export async function openConsultation(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZOpenConsultation>) {
  const { row, can } = await draftOr404(deps.db, actor, id);
  authorize(can, 'open', '只有起草方可以对起草中的稿件发出征求意见');
  if (b.public) {
    const refusal = publicRefusal({ kind: row.kind as DraftKind, confidential: row.confidential });
    if (refusal) throw badRequest(refusal);
    authorize(can, 'openPublic', '该稿不能向社会公众公开征求意见');
  }
  const targets = await targetsOfOpening(deps, actor, b);
  if (!targets.length && !b.public) throw badRequest('请至少选择一个征求意见对象');
  if (targets.some((t) => t.kind === 'person' && t.refId === actor.personId)) throw badRequest('不能向本人征求意见');
  const today = shanghaiDate(deps.clock.now());
  const { date: dueOn } = addWorkingDays(today, b.workingDays, await calendarForUnit(deps.db, actor.unitId));
  const at = deps.clock.now();
  // The form's ids are known before it is written, so the draft names them in the same change.
  const form = b.public ? { formId: randomUUID(), distributionId: randomUUID() } : null;
  return change(
    deps,
    actor,
    row,
    b.version,
    {
      status: 'consulting',
      openedOn: today,
      dueOn,
      publicFormId: form?.formId ?? null,
      publicDistributionId: form?.distributionId ?? null,
    },
    { action: 'open', after: { targets: targets.length, public: b.public, dueOn } },
    async (tx) => {
      await consultationsRepo.insertTargets(
        tx,
        targets.map((t) => ({ ...t, unitId: actor.unitId, draftId: row.id, notifiedOn: today, createdAt: at })),
      );
      await notifyTargets(tx, actor, row, targets, dueOn, at);
      if (form) await openPublicForm(tx, actor, row, { ...form, today, dueOn, at });
    },
  );
}

export async function closeConsultation(deps: AppDeps, actor: Actor, id: string, version: number) {
  const { row, can } = await draftOr404(deps.db, actor, id);
  authorize(can, 'close', '只有起草方可以结束征求意见中的稿件');
  const today = shanghaiDate(deps.clock.now());
  return change(
    deps,
    actor,
    row,
    version,
    { status: 'closed', closedOn: today },
    { action: 'close', after: { closedOn: today } },
    (tx) => closePublicForm(tx, actor, row, deps.clock.now()),
  );
}

export async function withdrawDraft(deps: AppDeps, actor: Actor, id: string, b: { reason: string; version: number }) {
  const { row, can } = await draftOr404(deps.db, actor, id);
  authorize(can, 'withdraw', '只有起草方可以撤销起草中或征求意见中的稿件');
  return change(
    deps,
    actor,
    row,
    b.version,
    { status: 'withdrawn', withdrawnReason: b.reason },
    { action: 'withdraw', after: { reason: b.reason } },
    (tx) => closePublicForm(tx, actor, row, deps.clock.now()),
  );
}
