/**
 * 通报: drafted by the discipline staff from findings (the body generated from their recorded facts), edited at
 * the version read, approved by a discipline lead, issued (numbered, the findings marked, every member told
 * through the inbox), or withdrawn with a reason before issue. domain/policies/notice.ts decides who may do what.
 */
import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { DEFAULT_NOTICE_TITLES, noticeParagraphs, observedLabel } from '../../../domain/notice-text.js';
import {
  mayDraftNotice,
  noticeListScope,
  noticeFactsOf,
  noticePolicy,
  readsUnissuedNotices,
  type NoticeCan,
  type NoticeKind,
  type NoticeStatus,
} from '../../../domain/policies/notice.js';
import { chinese } from '../../../domain/report-text/text.js';
import type { Actor } from '../../../domain/roles.js';
import type {
  ZNoticeDraftBody,
  ZNoticeEditBody,
  ZNoticeQuery,
  ZNoticeWithdrawBody,
} from '../../../shared/contracts/discipline-notices.js';
import { authorize } from '../../authorize.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { notificationsRepo } from '../notifications/notifications.repo.js';
import { DEFAULT_NOTICE_PREFIX } from './discipline-settings.service.js';
import { noticesRepo, type NamedFinding, type NoticeRow } from './notices.repo.js';

/** What an issued notice tells the whole unit about a finding it names: who, when, what was observed. */
const publicFinding = (n: NamedFinding) => ({
  id: n.f.id,
  personName: n.personName,
  departmentName: n.departmentName,
  onDate: n.f.onDate,
  observed: n.f.observed,
  observedLabel: observedLabel(n.f.observed),
});
/** The whole finding (the inspector's note, the person's 说明, its state): for those who read unissued notices. */
const presentFinding = (n: NamedFinding) => ({
  ...publicFinding(n),
  note: n.f.note,
  explanation: n.f.explanation,
  status: n.f.status,
});

const summary = (n: NoticeRow, can: NoticeCan) => ({
  id: n.id,
  kind: n.kind as NoticeKind,
  title: n.title,
  status: n.status as NoticeStatus,
  docNumber: n.docNumber,
  issuedOn: n.issuedOn,
  periodKey: n.periodKey,
  createdAt: n.createdAt.toISOString(),
  version: n.version,
  can,
});

async function present(deps: AppDeps, actor: Actor, n: NoticeRow) {
  const findings = await noticesRepo.noticeFindings(deps.db, actor.unitId, n.id);
  return {
    ...summary(n, noticePolicy(actor, noticeFactsOf(n))),
    paragraphs: n.paragraphs,
    withdrawnReason: n.withdrawnReason,
    findings: findings.map(readsUnissuedNotices(actor) ? presentFinding : publicFinding),
  };
}

/** The notice and the reader's `can`; 404 for those who may not see it (they do not learn it exists). */
export async function loadNotice(deps: AppDeps, actor: Actor, id: string) {
  const n = await noticesRepo.notice(deps.db, actor.unitId, id);
  const can = n && noticePolicy(actor, noticeFactsOf(n));
  if (!n || !can?.see) throw notFound('通报');
  return { n, can };
}

export async function getNotice(deps: AppDeps, actor: Actor, id: string) {
  return present(deps, actor, (await loadNotice(deps, actor, id)).n);
}

export async function listNotices(deps: AppDeps, actor: Actor, q: z.infer<typeof ZNoticeQuery>) {
  const { rows, total } = await noticesRepo.page(
    deps.db,
    actor.unitId,
    noticeListScope(actor),
    q.status,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((n) => summary(n, noticePolicy(actor, noticeFactsOf(n)))),
  };
}

export async function candidateFindings(deps: AppDeps, actor: Actor, q: { page: number; pageSize: number }) {
  if (!mayDraftNotice(actor)) throw forbidden('只有机关纪委可以起草通报');
  const { rows, total } = await noticesRepo.candidates(deps.db, actor.unitId, q.pageSize, (q.page - 1) * q.pageSize);
  return { total, page: q.page, pageSize: q.pageSize, items: rows.map(presentFinding) };
}

/**
 * Why these findings may not be named publicly now, or null: each must be confirmed (认定, after the person
 * had their say) and not named by another issued notice. Asked when drafting and again inside the issue.
 */
function refusalToName(findings: readonly NamedFinding[], noticeId: string | null): string | null {
  const who = (x: NamedFinding) => `${x.personName ?? x.departmentName ?? ''}${x.f.onDate}的问题`;
  const dismissed = findings.find((x) => x.f.status === 'dismissed');
  if (dismissed) return `${who(dismissed)}已撤销`;
  const unconfirmed = findings.find((x) => x.f.status !== 'confirmed');
  if (unconfirmed) return `${who(unconfirmed)}尚未认定（须先认定）`;
  const issued = findings.find((x) => x.f.noticeId && x.f.noticeId !== noticeId);
  if (issued) return `${who(issued)}已在印发的通报中`;
  return null;
}

/** Drafts a notice from findings: each must be in the unit, confirmed, and not named by an issued notice. */
export async function draftNotice(deps: AppDeps, actor: Actor, b: z.infer<typeof ZNoticeDraftBody>) {
  if (!mayDraftNotice(actor)) throw forbidden('只有机关纪委可以起草通报');
  const ids = [...new Set(b.findingIds)];
  const found = await noticesRepo.findingsNamed(deps.db, actor.unitId, ids);
  if (found.length !== ids.length) throw badRequest('所选问题不存在');
  const ordered = ids.map((id) => found.find((x) => x.f.id === id)!);
  const refusal = refusalToName(ordered, null);
  if (refusal) throw badRequest(`${refusal}，不能纳入通报`);
  const facts = ordered.map((x) => ({ ...x.f, personName: x.personName, departmentName: x.departmentName }));
  const at = deps.clock.now();
  const n = await deps.db.transaction(async (tx) => {
    const row = await noticesRepo.insertNotice(tx, {
      unitId: actor.unitId,
      kind: b.kind,
      title: b.title ?? DEFAULT_NOTICE_TITLES[b.kind],
      paragraphs: noticeParagraphs(b.kind, facts, chinese),
      status: 'draft',
      draftedBy: actor.userId,
      draftedByPerson: actor.personId,
      createdAt: at,
      updatedAt: at,
    });
    await noticesRepo.linkFindings(tx, actor.unitId, row.id, ids);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'discipline_notice',
      entityId: row.id,
      action: 'create',
      after: { kind: b.kind, title: row.title, findings: ids },
    });
    return row;
  });
  return present(deps, actor, n);
}

/** One change of a notice at the version read, audited; `set` gives the new fields. */
async function change(
  deps: AppDeps,
  actor: Actor,
  n: NoticeRow,
  version: number,
  action: 'edit' | 'approve' | 'withdraw',
  set: Partial<NoticeRow>,
  audit: { before?: unknown; after: unknown },
) {
  const at = deps.clock.now();
  const row = await deps.db.transaction(async (tx) => {
    const r = await noticesRepo.updateNotice(tx, actor.unitId, n.id, version, { ...set, updatedAt: at });
    if (!r) throw conflict('该通报已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'discipline_notice',
      entityId: n.id,
      action,
      ...audit,
    });
    return r;
  });
  return present(deps, actor, row);
}

export async function editNotice(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZNoticeEditBody>) {
  const { n, can } = await loadNotice(deps, actor, id);
  if (n.status !== 'draft') throw badRequest('只有草稿可以修改');
  authorize(can, 'edit', '只有机关纪委可以修改通报');
  const before = { title: n.title, paragraphs: n.paragraphs };
  return change(
    deps,
    actor,
    n,
    b.version,
    'edit',
    { title: b.title, paragraphs: b.paragraphs },
    {
      before,
      after: { title: b.title, paragraphs: b.paragraphs },
    },
  );
}

export async function approveNotice(deps: AppDeps, actor: Actor, id: string, version: number) {
  const { n, can } = await loadNotice(deps, actor, id);
  if (n.status !== 'draft') throw badRequest(n.status === 'issued' ? '该通报已印发' : '只有草稿可以审批');
  authorize(can, 'approve', '通报须由纪检组长或党组书记审批，起草人不能审批自己起草的通报');
  return change(
    deps,
    actor,
    n,
    version,
    'approve',
    { status: 'approved', approvedBy: actor.userId, approvedAt: deps.clock.now() },
    {
      after: { status: 'approved' },
    },
  );
}

export async function withdrawNotice(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZNoticeWithdrawBody>) {
  const { n, can } = await loadNotice(deps, actor, id);
  if (n.status === 'issued' || n.status === 'withdrawn')
    throw badRequest(n.status === 'issued' ? '已印发的通报不能撤回' : '该通报已撤回');
  authorize(can, 'withdraw', '只有机关纪委可以撤回通报');
  return change(
    deps,
    actor,
    n,
    b.version,
    'withdraw',
    { status: 'withdrawn', withdrawnReason: b.reason },
    {
      before: { status: n.status },
      after: { status: 'withdrawn', reason: b.reason },
    },
  );
}

/**
 * Issues an approved notice: the next number of the year (`<prefix>〔2026〕3号`), the issue date, the findings
 * marked as named by it, and every member of the unit told in the inbox. A second issue is refused (400).
 */
export async function issueNotice(deps: AppDeps, actor: Actor, id: string, version: number) {
  const { n, can } = await loadNotice(deps, actor, id);
  if (n.status === 'issued') throw badRequest('该通报已印发，不能重复印发');
  if (n.status !== 'approved') throw badRequest('通报审批后才能印发');
  authorize(can, 'issue', '只有机关纪委可以印发通报');
  const at = deps.clock.now();
  const today = shanghaiDate(at);
  const year = Number(today.slice(0, 4));
  const [settings, staff, unitName] = await Promise.all([
    noticesRepo.settingsRow(deps.db, actor.unitId),
    noticesRepo.staffIds(deps.db, actor.unitId),
    noticesRepo.unitName(deps.db, actor.unitId),
  ]);
  const prefix = settings?.noticePrefix ?? DEFAULT_NOTICE_PREFIX;
  const row = await deps.db.transaction(async (tx) => {
    // Re-checked here: a finding may have changed, or been named by another notice, since the draft.
    const findings = await noticesRepo.noticeFindings(tx, actor.unitId, n.id);
    const refusal = refusalToName(findings, n.id);
    if (refusal) throw badRequest(`${refusal}，该通报不能印发`);
    const seq = await noticesRepo.nextSeq(tx, actor.unitId, year);
    const docNumber = `${prefix}〔${year}〕${seq}号`;
    const r = await noticesRepo.updateNotice(tx, actor.unitId, n.id, version, {
      status: 'issued',
      issuedBy: actor.userId,
      issuedAt: at,
      issuedOn: today,
      docYear: year,
      docSeq: seq,
      docNumber,
      updatedAt: at,
    });
    if (!r) throw conflict('该通报已被他人修改，请刷新后再试');
    const marked = await noticesRepo.markFindingsNoticed(tx, actor.unitId, n.id, at);
    // Another notice naming one of them was issued concurrently: refuse rather than name it twice.
    if (marked.length !== findings.length) throw conflict('通报中的问题已被另一份通报印发，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'discipline_notice',
      entityId: n.id,
      action: 'issue',
      after: { status: 'issued', docNumber, issuedOn: today, findings: marked.length },
    });
    // The notice is public in the unit once issued: the inbox says so in neutral words, without the body.
    await notificationsRepo.add(
      tx,
      staff.map((personId) => ({
        unitId: actor.unitId,
        recipientPersonId: personId,
        kind: 'discipline_notice',
        itemId: null,
        title: `通报：${r.title}`,
        body: `${unitName}印发${docNumber}《${r.title}》，请在“纪律作风—通报”中查阅。`,
        dedupeKey: `discipline-notice:${n.id}:${personId}`,
        createdAt: at,
      })),
    );
    return r;
  });
  return present(deps, actor, row);
}
