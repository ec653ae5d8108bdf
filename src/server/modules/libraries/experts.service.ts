/**
 * The think tank's experts (智库, measure 7): read by the leadership, the office and department heads, managed by
 * the office (domain/policies/think-tank). An outside expert's contact is personal data: the office alone gets
 * it, and the audit trail records that it changed, not its value. Withdrawn with a reason, never deleted.
 */
import type { z } from 'zod';
import { changedFields } from '../../../domain/changes.js';
import { EXPERT_KIND_LABELS, type ExpertKind } from '../../../domain/think-tank.js';
import { expertPolicy, thinkTankPolicy } from '../../../domain/policies/think-tank.js';
import type { Actor } from '../../../domain/roles.js';
import type {
  TExpert,
  ZExpertBody,
  ZExpertEdit,
  ZExpertQuery,
} from '../../../shared/contracts/assessment-think-tank.js';
import { authorize } from '../../authorize.js';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { thinkTankRepo, type ExpertRow } from './think-tank.repo.js';

/** The think tank as a whole: 403 for those who may not open it (a member). */
export function thinkTankCanOr403(actor: Actor, manage = false) {
  const can = thinkTankPolicy(actor);
  if (!can.see) throw forbidden('智库只有党组成员、领导小组办公室和科室负责人可以查看');
  if (manage) authorize(can, 'manage', '只有领导小组办公室可以管理智库');
  return can;
}

async function presenter(db: Db, actor: Actor, rows: ExpertRow[]) {
  const counts = await thinkTankRepo.adviceCounts(
    db,
    actor.unitId,
    rows.map((r) => r.id),
  );
  const { seeContact } = thinkTankPolicy(actor);
  return (r: ExpertRow, personName: string | null): TExpert => ({
    id: r.id,
    kind: r.kind as ExpertKind,
    kindLabel: EXPERT_KIND_LABELS[r.kind as ExpertKind],
    personId: r.personId,
    name: personName ?? r.name ?? '',
    organisation: r.organisation,
    field: r.field,
    contact: seeContact ? r.contact : null,
    adviceCount: counts.get(r.id) ?? 0,
    withdrawnReason: r.withdrawnReason,
    version: r.version,
    can: expertPolicy(actor, r),
  });
}

export async function listExperts(deps: AppDeps, actor: Actor, q: z.infer<typeof ZExpertQuery>) {
  const can = thinkTankCanOr403(actor);
  const page = await thinkTankRepo.expertsPage(deps.db, actor.unitId, q, q.pageSize, (q.page - 1) * q.pageSize);
  const present = await presenter(
    deps.db,
    actor,
    page.rows.map((r) => r.e),
  );
  return {
    total: page.total,
    page: q.page,
    pageSize: q.pageSize,
    items: page.rows.map((r) => present(r.e, r.personName)),
    can,
  };
}

export async function expertOr404(db: Db, actor: Actor, id: string) {
  const r = await thinkTankRepo.expertWithName(db, actor.unitId, id);
  if (!r || !expertPolicy(actor, r.e).see) throw notFound('专家');
  return r;
}

async function getExpert(deps: AppDeps, actor: Actor, id: string) {
  const r = await expertOr404(deps.db, actor, id);
  return (await presenter(deps.db, actor, [r.e]))(r.e, r.personName);
}

/** Inside: a person of the unit, once; outside: a name. Contact is asked of outside experts only. */
async function checkExpert(
  deps: AppDeps,
  actor: Actor,
  kind: ExpertKind,
  b: z.infer<typeof ZExpertEdit> | z.infer<typeof ZExpertBody>,
  selfId?: string,
) {
  if (kind === 'inside') {
    if (!b.personId) throw badRequest('请选择单位内专家对应的人员');
    if (b.name) throw badRequest('单位内专家的姓名取自人员信息，无需填写');
    if (b.contact) throw badRequest('单位内专家的联系方式见人员信息，无需填写');
    await assertInUnit(deps.db, actor.unitId, { person: b.personId }, { person: '所选人员不存在' });
    const other = await thinkTankRepo.insideExpertOf(deps.db, actor.unitId, b.personId);
    if (other && other.id !== selfId) throw conflict('该人员已是智库专家');
  } else {
    if (b.personId) throw badRequest('单位外专家不关联本单位人员');
    if (!b.name) throw badRequest('请填写专家姓名');
    if (!b.organisation) throw badRequest('请填写专家的工作单位');
  }
}

/** What the audit trail keeps of an expert: everything but the contact's value. */
const auditView = (b: Record<string, unknown>) => {
  const { contact, ...rest } = b;
  return contact === undefined ? rest : { ...rest, contact: '（联系方式已登记，内容不记入日志）' };
};

export async function createExpert(deps: AppDeps, actor: Actor, b: z.infer<typeof ZExpertBody>) {
  thinkTankCanOr403(actor, true);
  await checkExpert(deps, actor, b.kind, b);
  const at = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const r = await thinkTankRepo.insertExpert(tx, {
      unitId: actor.unitId,
      ...b,
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'expert',
      entityId: r.id,
      action: 'create',
      after: auditView(b),
    });
    return r.id;
  });
  return getExpert(deps, actor, id);
}

async function change(
  deps: AppDeps,
  actor: Actor,
  row: ExpertRow,
  version: number,
  set: Partial<ExpertRow>,
  action: 'update' | 'withdraw',
) {
  const diff = changedFields(row, set);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const rows = await thinkTankRepo.updateExpert(tx, actor.unitId, row.id, version, { ...set, updatedAt: at });
    if (rows.length !== 1) throw conflict('该专家信息已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'expert',
      entityId: row.id,
      action,
      before: auditView(diff.before),
      after: auditView(diff.after),
    });
  });
  return getExpert(deps, actor, row.id);
}

export async function editExpert(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZExpertEdit>) {
  const { e: row } = await expertOr404(deps.db, actor, id);
  authorize(expertPolicy(actor, row), 'edit', '只有领导小组办公室可以修改未撤销的专家信息');
  await checkExpert(deps, actor, row.kind as ExpertKind, b, row.id);
  const { version, ...set } = b;
  return change(deps, actor, row, version, set, 'update');
}

export async function withdrawExpert(deps: AppDeps, actor: Actor, id: string, b: { reason: string; version: number }) {
  const { e: row } = await expertOr404(deps.db, actor, id);
  authorize(expertPolicy(actor, row), 'withdraw', '只有领导小组办公室可以撤销未撤销的专家');
  return change(deps, actor, row, b.version, { withdrawnReason: b.reason }, 'withdraw');
}
