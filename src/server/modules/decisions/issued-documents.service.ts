/**
 * 发文登记 (measure 38): each issued document with its 文号 (unique in the unit), fulfilling a plan entry of kind
 * document of its year, or with the reason it was issued unplanned — refused without one, nothing changed.
 */
import type { z } from 'zod';
import { planRecordPolicy } from '../../../domain/policies/decision-plan.js';
import type { Actor } from '../../../domain/roles.js';
import type {
  TIssuedDocument,
  ZIssuedDocumentBody,
  ZIssuedDocumentEdit,
  ZIssuedDocumentExportQuery,
  ZIssuedDocumentQuery,
} from '../../../shared/contracts/decision-plan.js';
import { authorize } from '../../authorize.js';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import type { XlsxColumn } from '../../xlsx-stream.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { planRepo, type IssuedDocumentRow } from './plan.repo.js';
import { planCanOr403 } from './plan.service.js';
import { changedFields } from '../../../domain/changes.js';

async function presenter(db: Db, actor: Actor, rows: IssuedDocumentRow[]) {
  const [depts, entries] = await Promise.all([
    planRepo.departmentNames(db, actor.unitId),
    planRepo.entryTitles(
      db,
      actor.unitId,
      rows.flatMap((r) => (r.planEntryId ? [r.planEntryId] : [])),
    ),
  ]);
  return (r: IssuedDocumentRow): TIssuedDocument => ({
    id: r.id,
    docNo: r.docNo,
    title: r.title,
    issuedOn: r.issuedOn,
    departmentId: r.departmentId,
    departmentName: r.departmentId ? (depts.get(r.departmentId) ?? null) : null,
    planEntryId: r.planEntryId,
    planEntryTitle: r.planEntryId ? (entries.get(r.planEntryId) ?? null) : null,
    unplannedReason: r.unplannedReason,
    withdrawnReason: r.withdrawnReason,
    version: r.version,
    can: planRecordPolicy(actor, r),
  });
}

export async function listIssuedDocuments(deps: AppDeps, actor: Actor, q: z.infer<typeof ZIssuedDocumentQuery>) {
  planCanOr403(actor);
  const { rows, total } = await planRepo.documentsPage(deps.db, actor.unitId, q, q.pageSize, (q.page - 1) * q.pageSize);
  const present = await presenter(deps.db, actor, rows);
  return { total, page: q.page, pageSize: q.pageSize, items: rows.map(present) };
}

async function documentOr404(db: Db, actor: Actor, id: string) {
  const row = await planRepo.document(db, actor.unitId, id);
  if (!row || !planRecordPolicy(actor, row).see) throw notFound('发文登记');
  return row;
}

async function getDocument(deps: AppDeps, actor: Actor, id: string) {
  const row = await documentOr404(deps.db, actor, id);
  return (await presenter(deps.db, actor, [row]))(row);
}

/**
 * The document's plan link: a live plan entry of kind document in the year it was issued, or none with a
 * reason. Returns the values to store (the reason is dropped when the document is planned).
 */
async function planLink(deps: AppDeps, actor: Actor, b: z.infer<typeof ZIssuedDocumentBody>, self?: string) {
  await assertInUnit(deps.db, actor.unitId, { department: b.departmentId });
  const reason = b.unplannedReason?.trim() || null;
  if (!b.planEntryId) {
    if (!reason || reason.length < 2) throw badRequest('计划外发文须说明理由（至少2个字）');
    return { planEntryId: null, unplannedReason: reason };
  }
  const e = await planRepo.entry(deps.db, actor.unitId, b.planEntryId);
  if (!e) throw badRequest('所选计划条目不存在');
  if (e.kind !== 'document') throw badRequest('所选计划条目不是发文计划');
  if (e.withdrawnReason !== null) throw badRequest('所选计划条目已撤销');
  if (String(e.year) !== b.issuedOn.slice(0, 4)) throw badRequest(`所选计划条目属于${e.year}年度，与发文日期不符`);
  // One planned document fulfils one entry: a second would count as planned for nothing.
  const other = await planRepo.documentUsing(deps.db, actor.unitId, e.id, self);
  if (other)
    throw conflict(`所选计划条目已由发文“${other.docNo} ${other.title}”落实，请选择其他计划条目或说明计划外理由`);
  return { planEntryId: e.id, unplannedReason: null };
}

async function checkNumberFree(db: Db, unitId: string, docNo: string, self?: string) {
  const other = await planRepo.documentByNo(db, unitId, docNo);
  if (other && other.id !== self) throw conflict(`文号“${docNo}”已登记，不能重复`);
}

export async function createIssuedDocument(deps: AppDeps, actor: Actor, b: z.infer<typeof ZIssuedDocumentBody>) {
  planCanOr403(actor, true);
  const link = await planLink(deps, actor, b);
  await checkNumberFree(deps.db, actor.unitId, b.docNo);
  const at = deps.clock.now();
  const values = { docNo: b.docNo, title: b.title, issuedOn: b.issuedOn, departmentId: b.departmentId, ...link };
  const id = await deps.db.transaction(async (tx) => {
    const r = await planRepo.insertDocument(tx, {
      unitId: actor.unitId,
      ...values,
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'issued_document',
      entityId: r.id,
      action: 'create',
      after: values,
    });
    return r.id;
  });
  return getDocument(deps, actor, id);
}

async function change(
  deps: AppDeps,
  actor: Actor,
  row: IssuedDocumentRow,
  version: number,
  set: Partial<IssuedDocumentRow>,
  action: 'update' | 'withdraw',
) {
  const diff = changedFields(row, set);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const rows = await planRepo.updateDocument(tx, actor.unitId, row.id, version, { ...set, updatedAt: at });
    if (rows.length !== 1) throw conflict('该发文登记已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'issued_document',
      entityId: row.id,
      action,
      before: diff.before,
      after: diff.after,
    });
  });
  return getDocument(deps, actor, row.id);
}

export async function editIssuedDocument(
  deps: AppDeps,
  actor: Actor,
  id: string,
  b: z.infer<typeof ZIssuedDocumentEdit>,
) {
  const row = await documentOr404(deps.db, actor, id);
  authorize(planRecordPolicy(actor, row), 'edit', '只有领导小组办公室或党组书记可以修改未撤销的发文登记');
  const link = await planLink(deps, actor, b, row.id);
  await checkNumberFree(deps.db, actor.unitId, b.docNo, row.id);
  const set = { docNo: b.docNo, title: b.title, issuedOn: b.issuedOn, departmentId: b.departmentId, ...link };
  return change(deps, actor, row, b.version, set, 'update');
}

export async function withdrawIssuedDocument(
  deps: AppDeps,
  actor: Actor,
  id: string,
  b: { reason: string; version: number },
) {
  const row = await documentOr404(deps.db, actor, id);
  authorize(planRecordPolicy(actor, row), 'withdraw', '只有领导小组办公室或党组书记可以撤销未撤销的发文登记');
  return change(deps, actor, row, b.version, { withdrawnReason: b.reason }, 'withdraw');
}

export const REGISTER_COLUMNS: XlsxColumn[] = [
  { header: '文号', width: 22 },
  { header: '标题', width: 44 },
  { header: '发文日期', width: 12 },
  { header: '发文科室', width: 18 },
  { header: '对应计划', width: 30 },
  { header: '计划外理由', width: 30 },
  { header: '状态', width: 20 },
];

/** The register of a year as .xlsx rows (the list's filter), read a page at a time. */
export async function issuedDocumentsSheet(deps: AppDeps, actor: Actor, q: z.infer<typeof ZIssuedDocumentExportQuery>) {
  planCanOr403(actor);
  async function* rows() {
    for (let page = 0; ; page++) {
      const { rows: batch } = await planRepo.documentsPage(deps.db, actor.unitId, q, 500, page * 500);
      if (!batch.length) return;
      const present = await presenter(deps.db, actor, batch);
      yield batch
        .map(present)
        .map((d) => [
          d.docNo,
          d.title,
          d.issuedOn,
          d.departmentName ?? '',
          d.planEntryTitle ?? '计划外',
          d.unplannedReason ?? '',
          d.withdrawnReason ? `已撤销：${d.withdrawnReason}` : '有效',
        ]);
      if (batch.length < 500) return;
    }
  }
  return { fileName: `${q.year}年发文登记.xlsx`, rows: rows() };
}
