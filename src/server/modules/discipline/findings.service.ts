import type { z } from 'zod';
import {
  canSeeFinding,
  findingPolicy,
  heardOut,
  seesAllFindings,
  type FindingCan,
  type FindingStatus,
} from '../../../domain/policies/finding.js';
import type { Actor } from '../../../domain/roles.js';
import type { ZFindingsQuery } from '../../../shared/contracts/discipline-checks.js';
import { authorize } from '../../authorize.js';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import type { AuditAction } from '../../../domain/audit-vocabulary.js';
import { notificationsRepo } from '../notifications/notifications.repo.js';
import { findingsRepo, type FindingRow } from './findings.repo.js';
import { noticesRepo } from './notices.repo.js';

type Loaded = NonNullable<Awaited<ReturnType<typeof findingsRepo.byId>>>;

function present(actor: Actor, r: Loaded) {
  const f = r.f;
  return {
    id: f.id,
    kind: f.kind,
    sourceType: f.sourceType,
    personId: f.personId,
    personName: r.personName,
    departmentName: r.departmentName,
    onDate: f.onDate,
    observed: f.observed,
    note: f.note,
    status: f.status as FindingStatus,
    explanationRequestedAt: f.explanationRequestedAt?.toISOString() ?? null,
    explanation: f.explanation,
    explainedAt: f.explainedAt?.toISOString() ?? null,
    dismissedReason: f.dismissedReason,
    version: f.version,
    can: findingPolicy(actor, f),
  };
}

/** The findings the reader may see: all of the unit's for the discipline staff and the 党组书记, else one's own. */
export async function listFindings(deps: AppDeps, actor: Actor, q: z.infer<typeof ZFindingsQuery>) {
  const empty = { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const all = seesAllFindings(actor);
  if (!all && !actor.personId) return empty;
  const scope = all ? null : actor.personId!;
  const { rows, total } = await findingsRepo.page(
    deps.db,
    actor.unitId,
    scope,
    q,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { items: rows.map((r) => present(actor, r)), total, page: q.page, pageSize: q.pageSize };
}

async function findingOr404(db: Db, actor: Actor, id: string) {
  const r = await findingsRepo.byId(db, actor.unitId, id);
  if (!r || !canSeeFinding(actor, r.f)) throw notFound('问题');
  return r;
}

export async function getFinding(deps: AppDeps, actor: Actor, id: string) {
  return present(actor, await findingOr404(deps.db, actor, id));
}

/** One decision on a finding: the policy allows it, the version still holds, the change and its audit event commit together. */
async function act(
  deps: AppDeps,
  actor: Actor,
  id: string,
  step: {
    can: keyof FindingCan;
    refusal: string;
    version: number;
    action: AuditAction;
    patch: Partial<FindingRow>;
    after: Record<string, unknown>;
    /** A state the finding must be in, refused with a clear 400 before the policy's 403. */
    precheck?: (f: FindingRow) => void;
    then?: (tx: Db, f: FindingRow, at: Date) => Promise<unknown>;
  },
) {
  const r = await findingOr404(deps.db, actor, id);
  step.precheck?.(r.f);
  authorize(findingPolicy(actor, r.f), step.can, step.refusal);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await findingsRepo.update(tx, actor.unitId, id, step.version, { ...step.patch, updatedAt: at })))
      throw conflict('该问题已被他人处理，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'discipline_finding',
      entityId: id,
      action: step.action,
      after: step.after,
    });
    await step.then?.(tx, r.f, at);
  });
  return getFinding(deps, actor, id);
}

/**
 * Asks the person for a 说明. The notice goes to their inbox only (its kind is not a group kind: see
 * domain/dispatch-plan.ts) and says nothing of the finding, which the person opens in the module.
 */
export const requestExplanation = (deps: AppDeps, actor: Actor, id: string, version: number) =>
  act(deps, actor, id, {
    can: 'requestExplanation',
    refusal: '只有纪检人员可以要求本人说明，且每个问题只要求一次',
    version,
    action: 'request_explanation',
    patch: { explanationRequestedAt: deps.clock.now() },
    after: {},
    then: (tx, f, at) =>
      notificationsRepo.add(tx, [
        {
          unitId: actor.unitId,
          recipientPersonId: f.personId!,
          kind: 'discipline_explanation',
          title: '请填写一项情况说明',
          body: '纪律作风中有一项需要您本人说明的情况，请在“纪律作风 → 问题与说明”中查看并填写说明。',
          dedupeKey: `finding-explain:${f.id}:${f.personId}`,
          createdAt: at,
        },
      ]),
  });

/** The person's 说明, once; its text stays out of the audit trail (personal, and the trail is read more widely). */
export const explainFinding = (deps: AppDeps, actor: Actor, id: string, b: { explanation: string; version: number }) =>
  act(deps, actor, id, {
    can: 'explain',
    refusal: '只有本人可以填写说明，且说明提交后不能修改',
    version: b.version,
    action: 'explain',
    patch: { explanation: b.explanation, explainedAt: deps.clock.now(), status: 'explained' },
    after: { status: 'explained' },
  });

export const confirmFinding = (deps: AppDeps, actor: Actor, id: string, version: number) =>
  act(deps, actor, id, {
    can: 'confirm',
    refusal: '只有纪检人员可以认定尚未处理的问题',
    version,
    action: 'confirm',
    precheck: (f) => {
      if ((f.status === 'open' || f.status === 'explained') && !heardOut(f))
        throw badRequest('请先要求本人说明：本人说明后，或已要求说明而本人未说明的，才能认定');
    },
    patch: { status: 'confirmed' },
    after: { status: 'confirmed' },
  });

export const dismissFinding = (deps: AppDeps, actor: Actor, id: string, b: { reason: string; version: number }) =>
  act(deps, actor, id, {
    can: 'dismiss',
    refusal: '只有纪检人员可以对尚未处理的问题不予认定',
    version: b.version,
    action: 'dismiss',
    patch: { status: 'dismissed', dismissedReason: b.reason },
    after: { status: 'dismissed', reason: b.reason },
    // Checked in the transaction: a draft or approved 通报 must not go on naming a finding dismissed under it.
    then: async (tx, f) => {
      const naming = await noticesRepo.pendingNoticesNaming(tx, actor.unitId, f.id);
      if (naming.length)
        throw badRequest(`该问题已列入通报《${naming[0]!.title}》（未印发），请先撤回该通报或将其移出后再作不予认定`);
    },
  });
