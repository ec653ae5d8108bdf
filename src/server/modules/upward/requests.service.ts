/** The upper level's side of 上报 and 上级交办 (issue 20): issue, follow, chase, withdraw, collect. */
import JSZip from 'jszip';
import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { oversightPolicy } from '../../../domain/policies/oversight.js';
import type { Actor } from '../../../domain/roles.js';
import { overseenRoots } from '../../../domain/unit-tree.js';
import { UPWARD_KINDS, asksForDocument, type UpwardKind } from '../../../domain/upward.js';
import type {
  ZUpwardChaseBody,
  ZUpwardRequestBody,
  ZUpwardRequestsQuery,
  ZUpwardTargetsQuery,
  ZUpwardWithdrawBody,
} from '../../../shared/contracts/upward.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import { readStoredFile } from '../../files.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { attachmentsRepo } from '../attachments/attachments.repo.js';
import { calendarForUnit } from '../calendar/calendar.service.js';
import { orgRepo } from '../org/org.repo.js';
import { notifyOffices } from './notify.js';
import { presentRequest, presentTarget, standingOfRow } from './present.js';
import { activeUnitsOverseen, ALL, unitsOverseen, upwardRepo, type ReadScope } from './upward.repo.js';

const today = (deps: AppDeps) => shanghaiDate(deps.clock.now());

/**
 * The addressed units the reader may see: every one for an overseer of the whole unit below (its own unit is a
 * root), else only those of the subtrees it oversees (domain/unit-tree `overseenRoots`).
 */
async function readScope(deps: AppDeps, actor: Actor): Promise<ReadScope> {
  if (!oversightPolicy(actor).read) throw notFound('报告要求');
  const roots = overseenRoots(actor);
  return roots.includes(actor.unitId) ? ALL : unitsOverseen(deps.db, actor.unitId, roots);
}

/** The request, if the reader sees at least one of its units; with its targets the reader may see. */
async function requestOr404(deps: AppDeps, actor: Actor, id: string) {
  const scope = await readScope(deps, actor);
  const r = await upwardRepo.request(deps.db, actor.unitId, id);
  const targets = r ? await upwardRepo.targetsOf(deps.db, actor.unitId, [id], scope) : [];
  if (!r || (scope !== ALL && !targets.length)) throw notFound('报告要求');
  return { r, targets };
}

/**
 * Only the 督查室 issues, chases and withdraws. A refusal stores nothing (like every refusal of the API); writes
 * attempted on a unit below through the drill-down are what the units' audit trails record (oversight-view.ts).
 */
function mustManage(actor: Actor, refusal: string) {
  if (!oversightPolicy(actor).manage) throw forbidden(refusal);
}

export async function listRequests(deps: AppDeps, actor: Actor, q: z.infer<typeof ZUpwardRequestsQuery>) {
  const scope = await readScope(deps, actor);
  const page = await upwardRepo.requestsPage(
    deps.db,
    actor.unitId,
    { q: q.q, status: q.status, limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    scope,
  );
  const targets = await upwardRepo.targetsOf(
    deps.db,
    actor.unitId,
    page.rows.map((r) => r.id),
    scope,
  );
  const items = page.rows.map((r) =>
    presentRequest(
      actor,
      r,
      targets.filter((t) => t.target.requestId === r.id),
      today(deps),
    ),
  );
  return { items, total: page.total, page: q.page, pageSize: q.pageSize };
}

export async function getRequest(deps: AppDeps, actor: Actor, id: string) {
  const { r, targets } = await requestOr404(deps, actor, id);
  return presentRequest(actor, r, targets, today(deps));
}

export async function listTargets(deps: AppDeps, actor: Actor, id: string, q: z.infer<typeof ZUpwardTargetsQuery>) {
  const { r, targets } = await requestOr404(deps, actor, id);
  const all = targets.map((t) => presentTarget(actor, r, t, today(deps)));
  const wanted = all.filter((t) =>
    q.state === 'late'
      ? t.late
      : q.state === 'done'
        ? t.state === 'submitted' || t.state === 'closed'
        : q.state === 'open'
          ? t.can.chase || (t.state !== 'submitted' && t.state !== 'closed' && t.state !== 'withdrawn')
          : true,
  );
  const offset = (q.page - 1) * q.pageSize;
  return { items: wanted.slice(offset, offset + q.pageSize), total: wanted.length, page: q.page, pageSize: q.pageSize };
}

export async function createRequest(deps: AppDeps, actor: Actor, b: z.infer<typeof ZUpwardRequestBody>) {
  mustManage(actor, '只有上级督查室可以下发报告要求和交办事项');
  const reachable = await activeUnitsOverseen(deps.db, actor.unitId, overseenRoots(actor));
  if (b.targetUnitIds.some((id) => !reachable.has(id)))
    throw badRequest('所选单位不存在、已停用或不在本单位督查范围内');
  if (await upwardRepo.docNoTaken(deps.db, actor.unitId, b.docNo)) throw conflict(`文号“${b.docNo}”已使用`);
  const calendar = await calendarForUnit(deps.db, actor.unitId);
  const issuedOn = today(deps);
  const due = calendar.addWorkingDays(issuedOn, b.workingDays);
  const at = deps.clock.now();
  const upper = await orgRepo.unit(deps.db, actor.unitId);
  const created = await deps.db.transaction(async (tx) => {
    const r = await upwardRepo.insertRequest(tx, {
      unitId: actor.unitId,
      kind: b.kind,
      docNo: b.docNo,
      title: b.title,
      instructions: b.instructions,
      issuedOn,
      workingDays: b.workingDays,
      dueOn: due.date,
      createdBy: actor.userId,
      createdAt: at,
    });
    const targets = await upwardRepo.insertTargets(
      tx,
      b.targetUnitIds.map((targetUnitId) => ({ unitId: actor.unitId, requestId: r.id, targetUnitId })),
    );
    await notifyOffices(tx, at, targets, {
      key: 'issued',
      title: `上级来文：${b.title}`,
      body: `${upper!.name}（${b.docNo}）要求于${due.date}前${asksForDocument(b.kind) ? '报送' + UPWARD_KINDS[b.kind] : '办结'}。请在“上级来文”中登记办理。`,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'upward_request',
      entityId: r.id,
      action: 'create',
      after: { kind: b.kind, docNo: b.docNo, title: b.title, dueOn: due.date, units: b.targetUnitIds.length },
    });
    return r;
  });
  return getRequest(deps, actor, created.id);
}

export async function chaseRequest(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZUpwardChaseBody>) {
  mustManage(actor, '只有上级督查室可以催报、催办');
  const { r, targets: all } = await requestOr404(deps, actor, id);
  if (b.targetIds.some((t) => !all.some((x) => x.target.id === t))) throw notFound('下发单位');
  const chosen = b.targetIds.length
    ? all.filter((t) => b.targetIds.includes(t.target.id))
    : all.filter((t) => standingOfRow(r, t, today(deps)).late);
  const chaseable = chosen.filter((t) => standingOfRow(r, t, today(deps)).chaseable);
  if (!chaseable.length)
    throw badRequest(b.targetIds.length ? '所选单位均已完成或事项已撤回，无需催办' : '目前没有逾期未完成的单位');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await notifyOffices(
      tx,
      at,
      chaseable.map((t) => t.target),
      {
        key: `chase:${at.getTime()}`,
        title: `催${asksForDocument(r.kind as UpwardKind) ? '报' : '办'}：${r.title}`,
        body: b.message,
      },
      true,
    );
    await upwardRepo.recordChase(
      tx,
      chaseable.map((t) => t.target.id),
      at,
    );
    for (const t of chaseable) {
      await recordAudit(tx, auditActorOf(actor), at, {
        unitId: t.target.targetUnitId,
        entityType: 'upward_target',
        entityId: t.target.id,
        action: 'chase',
        after: { requestId: r.id, fromUnitId: actor.unitId, message: b.message },
      });
    }
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'upward_request',
      entityId: r.id,
      action: 'chase',
      after: { units: chaseable.map((t) => t.target.targetUnitId), message: b.message },
    });
  });
  return { chased: chaseable.length };
}

export async function withdrawRequest(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZUpwardWithdrawBody>) {
  mustManage(actor, '只有上级督查室可以撤回');
  const { r } = await requestOr404(deps, actor, id);
  if (r.status !== 'open') throw badRequest('该事项已撤回');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const done = await upwardRepo.updateRequest(tx, actor.unitId, id, b.version, {
      status: 'withdrawn',
      withdrawnReason: b.reason,
    });
    if (!done) throw conflict('该事项已被他人修改，请刷新后重试');
    const targets = await upwardRepo.targetsOf(tx, actor.unitId, [id]);
    await notifyOffices(
      tx,
      at,
      targets.map((t) => t.target),
      {
        key: 'withdrawn',
        title: `上级已撤回：${r.title}`,
        body: `撤回原因：${b.reason}。已登记的督办事项请按本单位规定撤销。`,
      },
    );
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'upward_request',
      entityId: id,
      action: 'withdraw',
      before: { status: 'open' },
      after: { status: 'withdrawn', reason: b.reason },
    });
  });
  return getRequest(deps, actor, id);
}

/** One unit's submitted document, for the upper level. */
export async function targetFile(deps: AppDeps, actor: Actor, id: string, targetId: string) {
  const { targets } = await requestOr404(deps, actor, id);
  const t = targets.find((x) => x.target.id === targetId);
  if (!t?.target.submissionFileId) throw notFound('上报材料');
  const f = await attachmentsRepo.byId(deps.db, t.target.targetUnitId, 'upward_submission', t.target.submissionFileId);
  if (!f) throw notFound('上报材料');
  return { ...readStoredFile(deps.config.filesDir, f), fileName: `${t.unitName}-${f.fileName}` };
}

/** The archive is built in memory: its files together stay below this (a city's reports are a few MB each). */
const ARCHIVE_MAX_BYTES = 300 * 1_048_576;

/** Every submitted document in one archive, with a list of who has and has not submitted. */
export async function requestArchive(deps: AppDeps, actor: Actor, id: string) {
  const { r, targets } = await requestOr404(deps, actor, id);
  const bytes = targets.reduce((n, t) => n + (t.fileSize ?? 0), 0);
  if (bytes > ARCHIVE_MAX_BYTES)
    throw badRequest(
      `报送材料共 ${Math.ceil(bytes / 1_048_576)} MB，超过一次打包的上限 ${ARCHIVE_MAX_BYTES / 1_048_576} MB，请逐个下载`,
    );
  const zip = new JSZip();
  const lines = [`${r.docNo} ${r.title}`, `下发日期：${r.issuedOn}，报送时限：${r.dueOn}`, ''];
  for (const t of targets) {
    const s = presentTarget(actor, r, t, today(deps));
    const when = s.submittedAt ? `，${shanghaiDate(new Date(s.submittedAt))}报送` : '';
    lines.push(
      `${t.unitCode} ${t.unitName}：${s.stateLabel}${s.late ? '（逾期）' : ''}${s.doneLate ? '（逾期报送）' : ''}${when}`,
    );
    if (!t.target.submissionFileId) continue;
    const f = await attachmentsRepo.byId(
      deps.db,
      t.target.targetUnitId,
      'upward_submission',
      t.target.submissionFileId,
    );
    if (f) zip.file(`${t.unitCode}-${t.unitName}-${f.fileName}`, readStoredFile(deps.config.filesDir, f).data);
  }
  zip.file('报送情况.txt', lines.join('\r\n') + '\r\n');
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { fileName: `${r.docNo}-${r.title}-报送材料.zip`, data };
}
