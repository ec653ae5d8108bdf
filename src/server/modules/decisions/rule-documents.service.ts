/**
 * Rule documents (制度) and their versions: adding a document, a version (its effective date after the previous
 * one's, its 议事规则 parameters checked, the meeting item that adopted it of this unit and decided), withdrawing a
 * version not yet in force or a document; the diff between two versions. Every write is audited.
 */
import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import {
  canSeeRuleDocument,
  keepsRuleDocuments,
  mayAddRuleDocument,
  ruleDocumentPolicy,
  ruleVersionPolicy,
} from '../../../domain/policies/rule-document.js';
import type { Actor } from '../../../domain/roles.js';
import { diffCounts, diffTexts } from '../../../domain/rule-diff.js';
import {
  RULE_DOCUMENT_KIND_LABELS,
  carriesMeetingRules,
  liveVersions,
  meetingKindsRuledBy,
  meetingRulesProblem,
  needsDepartment,
  newVersionProblem,
  retroactiveVersionProblem,
  type RuleDocumentKind,
} from '../../../domain/rule-documents.js';
import type {
  ZRuleDocumentBody,
  ZRuleDocumentQuery,
  ZRuleVersionBody,
} from '../../../shared/contracts/decision-rules-docs.js';
import { authorize } from '../../authorize.js';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import type { AuditAction } from '../../../domain/audit-vocabulary.js';
import { auditActorOf } from '../audit-actor.js';
import { assertInUnit } from '../unit-ids.repo.js';
import {
  documentFacts,
  presentDetail,
  presentDocuments,
  readsAdoptingItem,
  versionFacts,
} from './rule-documents.present.js';
import { ruleDocumentsRepo, type RuleDocumentRow } from './rule-documents.repo.js';

/** A document keeps at most this many versions (its history is read whole). */
const MAX_VERSIONS = 200;
/** One live document per kind; per department for a 责任清单; 'other' rules as many as the unit keeps. */
const ONE_PER_KIND: RuleDocumentKind[] = ['meeting_rules', 'director_rules', 'fault_tolerance', 'responsibility_list'];

async function documentOr404(db: Db, actor: Actor, id: string) {
  const d = await ruleDocumentsRepo.byId(db, actor.unitId, id);
  if (!d || !canSeeRuleDocument(actor, documentFacts(d))) throw notFound('制度');
  return d;
}

export async function listRuleDocuments(deps: AppDeps, actor: Actor, q: z.infer<typeof ZRuleDocumentQuery>) {
  const { rows, total } = await ruleDocumentsRepo.page(deps.db, actor.unitId, q, q.pageSize, (q.page - 1) * q.pageSize);
  return { total, page: q.page, pageSize: q.pageSize, items: await presentDocuments(deps, actor, rows) };
}

export async function getRuleDocument(deps: AppDeps, actor: Actor, id: string) {
  const d = await documentOr404(deps.db, actor, id);
  return presentDetail(deps, actor, d, await ruleDocumentsRepo.versions(deps.db, actor.unitId, id));
}

async function audit(
  tx: Db,
  actor: Actor,
  at: Date,
  documentId: string,
  action: Extract<AuditAction, 'create' | 'add_version' | 'withdraw' | 'withdraw_version'>,
  after: unknown,
) {
  await recordAudit(tx, auditActorOf(actor), at, {
    unitId: actor.unitId,
    entityType: 'rule_document',
    entityId: documentId,
    action,
    after,
  });
}

export async function createRuleDocument(deps: AppDeps, actor: Actor, b: z.infer<typeof ZRuleDocumentBody>) {
  if (!mayAddRuleDocument(actor)) throw forbidden('只有领导小组办公室和党组书记可以新增制度');
  if (b.kind === 'other' && !b.kindName) throw badRequest('请填写制度类别名称（如“财务管理制度”）');
  if (needsDepartment(b.kind) && !b.departmentId) throw badRequest('责任清单须选择所属科室');
  if (!needsDepartment(b.kind) && b.kind !== 'other' && b.departmentId)
    throw badRequest(`${RULE_DOCUMENT_KIND_LABELS[b.kind]}是全局制度，不属于某个科室`);
  await assertInUnit(deps.db, actor.unitId, { department: b.departmentId });
  if (ONE_PER_KIND.includes(b.kind)) {
    const [live] = await ruleDocumentsRepo.liveOfKind(deps.db, actor.unitId, b.kind, b.departmentId);
    if (live) throw conflict(`本单位已有“${live.title}”，请在其下新增版本`);
  }
  const at = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const d = await ruleDocumentsRepo.insertDocument(tx, {
      unitId: actor.unitId,
      kind: b.kind,
      kindName: b.kind === 'other' ? b.kindName : null,
      title: b.title,
      departmentId: b.departmentId,
      createdBy: actor.personId,
      createdAt: at,
      updatedAt: at,
    });
    await audit(tx, actor, at, d.id, 'create', { kind: b.kind, title: b.title, departmentId: b.departmentId });
    return d.id;
  });
  return getRuleDocument(deps, actor, id);
}

/**
 * The agenda item named as having adopted a version: of this unit and readable by the actor (else it does not
 * exist for them), not a 干部任免 item, adopted (通过), its meeting on or before the date.
 */
async function checkAdoptedBy(deps: AppDeps, actor: Actor, itemId: string | null, effectiveFrom: string) {
  if (!itemId) return;
  const [item] = await ruleDocumentsRepo.agendaItems(deps.db, actor.unitId, [itemId]);
  if (!item || !readsAdoptingItem(actor, item)) throw badRequest('所选议题不存在');
  if (item.category === 'cadre') throw badRequest('干部任免议题不能作为制度的通过依据');
  if (item.outcome !== 'adopted' || item.itemWithdrawn || item.meetingStatus === 'withdrawn')
    throw badRequest('只能选择会议已审议通过的议题');
  if (item.heldOn > effectiveFrom)
    throw badRequest(`生效日期不能早于通过该制度的会议日期（${item.heldOn}，${item.meetingTitle}）`);
}

function checkParams(kind: RuleDocumentKind, params: z.infer<typeof ZRuleVersionBody>['params']) {
  if (!carriesMeetingRules(kind)) {
    if (params) throw badRequest(`${RULE_DOCUMENT_KIND_LABELS[kind]}的版本不带议事规则参数`);
    return;
  }
  if (!params)
    throw badRequest(`请填写本版${RULE_DOCUMENT_KIND_LABELS[kind]}的议事规则参数（到会比例、材料提前天数等）`);
  const problem = meetingRulesProblem(params);
  if (problem) throw badRequest(problem);
}

/** 议事规则 take effect after the last meeting already held under them: no quorum is judged again afterwards. */
async function checkNotRetroactive(deps: AppDeps, actor: Actor, kind: RuleDocumentKind, effectiveFrom: string) {
  if (!carriesMeetingRules(kind)) return;
  const held = await ruleDocumentsRepo.latestHeldMeeting(deps.db, actor.unitId, meetingKindsRuledBy(kind));
  const problem = retroactiveVersionProblem(effectiveFrom, held);
  if (problem) throw badRequest(problem);
}

/** One change of the document at the version read, with its audit event, in one transaction. */
async function changeAt(
  deps: AppDeps,
  actor: Actor,
  d: RuleDocumentRow,
  version: number,
  set: Partial<RuleDocumentRow>,
  work: (tx: Db, at: Date) => Promise<void>,
) {
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const rows = await ruleDocumentsRepo.touch(tx, actor.unitId, d.id, version, { ...set, updatedAt: at });
    if (rows.length !== 1) throw conflict('该制度已被他人修改，请刷新后再试');
    await work(tx, at);
  });
  return getRuleDocument(deps, actor, d.id);
}

export async function addRuleVersion(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZRuleVersionBody>) {
  const d = await documentOr404(deps.db, actor, id);
  authorize(
    ruleDocumentPolicy(actor, documentFacts(d)),
    'addVersion',
    '只有领导小组办公室和党组书记可以新增未撤销制度的版本',
  );
  const kind = d.kind as RuleDocumentKind;
  checkParams(kind, b.params);
  await checkAdoptedBy(deps, actor, b.adoptedByItemId, b.effectiveFrom);
  const versions = await ruleDocumentsRepo.versions(deps.db, actor.unitId, id);
  if (versions.length >= MAX_VERSIONS) throw badRequest(`一项制度最多保留 ${MAX_VERSIONS} 个版本`);
  const problem = newVersionProblem(versions.map(versionFacts), b.effectiveFrom);
  if (problem) throw badRequest(problem);
  await checkNotRetroactive(deps, actor, kind, b.effectiveFrom);
  return changeAt(deps, actor, d, b.version, {}, async (tx, at) => {
    const v = await ruleDocumentsRepo.insertVersion(tx, {
      unitId: actor.unitId,
      documentId: d.id,
      label: b.label,
      text: b.text,
      effectiveFrom: b.effectiveFrom,
      adoptedByItemId: b.adoptedByItemId,
      params: carriesMeetingRules(kind) ? b.params : null,
      createdBy: actor.personId,
      createdAt: at,
    });
    // The text stays in the version; the trail names the version, its date, its source and its parameters.
    await audit(tx, actor, at, d.id, 'add_version', {
      versionId: v.id,
      label: b.label,
      effectiveFrom: b.effectiveFrom,
      adoptedByItemId: b.adoptedByItemId,
      params: v.params,
      textLength: b.text.length,
    });
  });
}

export async function withdrawRuleDocument(
  deps: AppDeps,
  actor: Actor,
  id: string,
  b: { reason: string; version: number },
) {
  const d = await documentOr404(deps.db, actor, id);
  authorize(
    ruleDocumentPolicy(actor, documentFacts(d)),
    'withdraw',
    '只有领导小组办公室和党组书记可以撤销未撤销的制度',
  );
  return changeAt(deps, actor, d, b.version, { withdrawnReason: b.reason }, (tx, at) =>
    audit(tx, actor, at, d.id, 'withdraw', { reason: b.reason }),
  );
}

/** A version not yet in force is withdrawn with a reason (`version` is its document's, as read). */
export async function withdrawRuleVersion(
  deps: AppDeps,
  actor: Actor,
  versionId: string,
  b: { reason: string; version: number },
) {
  const v = await ruleDocumentsRepo.version(deps.db, actor.unitId, versionId);
  if (!v) throw notFound('制度版本');
  const d = await documentOr404(deps.db, actor, v.documentId);
  const today = shanghaiDate(deps.clock.now());
  if (!ruleVersionPolicy(actor, documentFacts(d), versionFacts(v), today).withdraw) {
    if (!keepsRuleDocuments(actor)) throw forbidden('只有领导小组办公室和党组书记可以撤销制度版本');
    throw badRequest(v.withdrawnReason ? '该版本已撤销' : '只能撤销尚未生效的版本：已生效的版本是当时的依据，不能撤销');
  }
  return changeAt(deps, actor, d, b.version, {}, async (tx, at) => {
    await ruleDocumentsRepo.withdrawVersion(tx, actor.unitId, v.id, b.reason, at);
    await audit(tx, actor, at, d.id, 'withdraw_version', { versionId: v.id, label: v.label, reason: b.reason });
  });
}

/** The versions a diff compares: those asked for, else the latest live version and the one before it. */
async function versionsToCompare(deps: AppDeps, actor: Actor, id: string, q: { from?: string; to?: string }) {
  if (q.from && q.to) {
    const [from, to] = await Promise.all([
      ruleDocumentsRepo.version(deps.db, actor.unitId, q.from),
      ruleDocumentsRepo.version(deps.db, actor.unitId, q.to),
    ]);
    if (!from || !to || from.documentId !== id || to.documentId !== id) throw notFound('制度版本');
    return [from, to] as const;
  }
  if (q.from || q.to) throw badRequest('请选择比较的两个版本');
  const all = await ruleDocumentsRepo.versions(deps.db, actor.unitId, id);
  const live = liveVersions(all.map((v) => ({ ...versionFacts(v), row: v })));
  if (live.length < 2) throw badRequest('该制度有效版本不足两个，无法比较');
  return [live.at(-2)!.row, live.at(-1)!.row] as const;
}

/** The diff from one version of a document to another (any two, withdrawn ones included). */
export async function ruleDiff(deps: AppDeps, actor: Actor, id: string, q: { from?: string; to?: string }) {
  await documentOr404(deps.db, actor, id);
  const [from, to] = await versionsToCompare(deps, actor, id, q);
  const lines = diffTexts(from.text, to.text);
  const ref = (v: typeof from) => ({ id: v.id, label: v.label, effectiveFrom: v.effectiveFrom });
  return { from: ref(from), to: ref(to), ...diffCounts(lines), lines };
}

/** The decided items a keeper may name as having adopted a version. */
export async function adoptableItems(deps: AppDeps, actor: Actor, q: { q?: string; page: number; pageSize: number }) {
  if (!mayAddRuleDocument(actor)) throw forbidden('只有领导小组办公室和党组书记可以选择通过制度的议题');
  const { rows, total } = await ruleDocumentsRepo.adoptablePage(
    deps.db,
    actor.unitId,
    q.q,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    // The SQL leaves out 干部任免 items; the keepers (the office, the 党组书记) read every other item.
    items: rows
      .filter((r) => readsAdoptingItem(actor, r))
      .map((r) => ({
        itemId: r.itemId,
        itemTitle: r.itemTitle,
        meetingTitle: r.meetingTitle,
        heldOn: r.heldOn,
      })),
  };
}
