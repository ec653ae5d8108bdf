/** The unit below's side of 上报 and 上级交办 (issue 20): what arrived, its registration in the ledger, the report. */
import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { incomingPolicy } from '../../../domain/policies/upward.js';
import type { Actor } from '../../../domain/roles.js';
import { TARGET_STATE_LABELS, UPWARD_KINDS, type UpwardKind } from '../../../domain/upward.js';
import type { ZIncomingQuery, ZIncomingRegisterBody } from '../../../shared/contracts/upward.js';
import { authorize } from '../../authorize.js';
import { conflict, forbidden, notFound } from '../../errors.js';
import { readStoredFile } from '../../files.js';
import type { AppDeps } from '../../types.js';
import { attach } from '../attachments/attachments.service.js';
import { attachmentsRepo } from '../attachments/attachments.repo.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { orgRepo } from '../org/org.repo.js';
import { registerDocument } from '../supervision/documents.service.js';
import { standingOfRow } from './present.js';
import { upwardRepo } from './upward.repo.js';

type IncomingRow = Awaited<ReturnType<typeof upwardRepo.incomingPage>>['rows'][number];

function present(actor: Actor, r: IncomingRow, today: string) {
  const standing = standingOfRow(r.request, r, today);
  const kind = r.request.kind as UpwardKind;
  return {
    id: r.target.id,
    fromUnitName: r.fromUnitName,
    kind,
    kindLabel: UPWARD_KINDS[kind],
    docNo: r.request.docNo,
    title: r.request.title,
    instructions: r.request.instructions,
    issuedOn: r.request.issuedOn,
    dueOn: r.request.dueOn,
    state: standing.state,
    stateLabel: TARGET_STATE_LABELS[standing.state],
    late: standing.late,
    itemId: r.target.itemId,
    itemStatus: r.itemStatus,
    submittedAt: r.target.submittedAt?.toISOString() ?? null,
    fileName: r.fileName,
    chaseCount: r.target.chaseCount,
    version: r.target.version,
    can: incomingPolicy(actor, {
      kind,
      requestOpen: r.request.status === 'open',
      registered: r.target.itemId !== null,
    }),
  };
}

export async function listIncoming(deps: AppDeps, actor: Actor, q: z.infer<typeof ZIncomingQuery>) {
  if (!incomingPolicy(actor).see) throw forbidden('没有查看上级来文的权限');
  const page = await upwardRepo.incomingPage(deps.db, actor.unitId, {
    state: q.state,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const today = shanghaiDate(deps.clock.now());
  return {
    items: page.rows.map((r) => present(actor, r, today)),
    total: page.total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

async function incomingOne(deps: AppDeps, actor: Actor, id: string) {
  if (!incomingPolicy(actor).see) throw notFound('上级来文');
  const page = await upwardRepo.incomingPage(deps.db, actor.unitId, { limit: 1, offset: 0, targetId: id });
  const row = page.rows[0];
  if (!row) throw notFound('上级来文');
  return present(actor, row, shanghaiDate(deps.clock.now()));
}

/** 登记办理: the request becomes a registered document and its supervised item, due when the upper level said. */
export async function registerIncoming(
  deps: AppDeps,
  actor: Actor,
  id: string,
  b: z.infer<typeof ZIncomingRegisterBody>,
) {
  const current = await incomingOne(deps, actor, id);
  authorize(current.can, 'register', current.itemId ? '该来文已登记办理' : '没有登记上级来文的权限');
  if (current.version !== b.version) throw conflict('该来文已被他人处理，请刷新后重试');
  const found = await upwardRepo.incoming(deps.db, actor.unitId, id);
  const upper = await orgRepo.unit(deps.db, found!.request.unitId);
  const at = deps.clock.now();
  await registerDocument(
    deps,
    actor,
    {
      docNo: found!.request.docNo,
      issuer: upper!.name,
      title: found!.request.title,
      receivedOn: shanghaiDate(at),
      urgency: b.urgency,
      explicitDue: found!.request.dueOn < shanghaiDate(at) ? shanghaiDate(at) : found!.request.dueOn,
      handlingDepartmentId: b.handlingDepartmentId,
      ownerPersonId: b.ownerPersonId,
      leaderPersonId: b.leaderPersonId,
      instructions: found!.request.instructions,
      notClassified: b.notClassified,
    },
    async (tx, itemId) => {
      // Locked and re-read in the registration's transaction: two offices registering at once make one item.
      const locked = await upwardRepo.incoming(tx, actor.unitId, id, true);
      if (!locked || locked.target.itemId || locked.target.version !== b.version)
        throw conflict('该来文已被他人处理，请刷新后重试');
      if (locked.request.status !== 'open') throw conflict('上级已撤回该事项，不能再登记');
      await upwardRepo.updateTarget(tx, id, { itemId, registeredAt: at });
      await recordAudit(tx, auditActorOf(actor), at, {
        unitId: actor.unitId,
        entityType: 'upward_target',
        entityId: id,
        action: 'register',
        after: { itemId, docNo: found!.request.docNo },
      });
    },
  );
  return incomingOne(deps, actor, id);
}

/** Checked before the upload is read: only the office submits, and only a report still asked for. */
export async function checkCanSubmit(deps: AppDeps, actor: Actor, id: string) {
  const current = await incomingOne(deps, actor, id);
  authorize(
    current.can,
    'submit',
    current.kind === 'task' ? '交办事项以办结为准，无需上报材料' : '不能报送：没有权限或上级已撤回',
  );
}

/** 上报: the unit's document (generated in Zuofeng and edited, or its own) goes up; a later one replaces it. */
export async function submitIncoming(
  deps: AppDeps,
  actor: Actor,
  id: string,
  file: { fileName: string; data: Buffer },
  note: string,
) {
  await checkCanSubmit(deps, actor, id);
  await attach(deps, actor, { type: 'upward_submission', id }, file.fileName, file.data, async (tx, stored) => {
    const locked = await upwardRepo.incoming(tx, actor.unitId, id, true);
    if (!locked || locked.request.status !== 'open') throw conflict('上级已撤回该事项，不能再报送');
    const at = stored.createdAt;
    await upwardRepo.updateTarget(tx, id, {
      submissionFileId: stored.id,
      submittedAt: at,
      submittedBy: actor.userId,
      submissionNote: note,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'upward_target',
      entityId: id,
      action: locked.target.submittedAt ? 'resubmit' : 'submit',
      after: { fileName: stored.fileName, sha256: stored.sha256, note },
    });
  });
  return incomingOne(deps, actor, id);
}

/** The unit's own submitted document. */
export async function incomingFile(deps: AppDeps, actor: Actor, id: string) {
  await incomingOne(deps, actor, id);
  const found = await upwardRepo.incoming(deps.db, actor.unitId, id);
  const fileId = found?.target.submissionFileId;
  const f = fileId ? await attachmentsRepo.byId(deps.db, actor.unitId, 'upward_submission', fileId) : null;
  if (!f) throw notFound('上报材料');
  return readStoredFile(deps.config.filesDir, f);
}
