/**
 * 活动类别: the kinds a unit may record activities as — the generic kind of each broad type, the
 * built-in templates' kinds, and the unit's own (added and withdrawn by the office, audited). A kind
 * an active rule counts may not be withdrawn: the rule would silently stop counting.
 */
import type { z } from 'zod';
import {
  availableKinds,
  checkNewKind,
  genericKinds,
  withdrawalBlocker,
  type ActivityKind,
} from '../../../domain/activity-kinds.js';
import { activityKindPolicy } from '../../../domain/policies/campaign.js';
import type { Actor } from '../../../domain/roles.js';
import { BUILTIN_TEMPLATES } from '../../../domain/templates/index.js';
import {
  ACTIVITY_TYPES,
  type ZActivityKindBody,
  type ZActivityKindQuery,
} from '../../../shared/contracts/campaign-activities.js';
import { authorize } from '../../authorize.js';
import { badRequest, notFound } from '../../errors.js';
import type { Db } from '../../db/client.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { activityKindsRepo, type ActivityKindRow } from './activity-kinds.repo.js';
import { campaignsRepo } from './campaigns.repo.js';
import type { StoredRule } from '../../../domain/rule-compliance.js';
import { fromAttendance } from '../../../domain/meeting-attendance.js';
import type { AttendanceStatus } from '../../../domain/compliance.js';

type AttendanceMark = { personId: string; status: AttendanceStatus };

export interface UnitKind extends ActivityKind {
  builtIn: boolean;
  active: boolean;
  withdrawnReason: string | null;
}

// The templates' kinds first (what people look for), the generic “其他” ones after them.
const BUILT_IN: readonly ActivityKind[] = availableKinds(
  ...Object.values(BUILTIN_TEMPLATES).map((t) => t.activityKinds ?? []),
  genericKinds(ACTIVITY_TYPES),
);

/** Every kind of the unit, built-in first, withdrawn ones included (old activities keep their kind's name). */
export async function unitKinds(db: Db, unitId: string): Promise<UnitKind[]> {
  return kindsWith(await activityKindsRepo.list(db, unitId));
}

/** The built-in kinds followed by the unit's own rows (`own` in the order they were added). */
export function kindsWith(own: readonly ActivityKindRow[]): UnitKind[] {
  return [
    ...BUILT_IN.map((k) => ({ ...k, builtIn: true, active: true, withdrawnReason: null })),
    ...own
      .filter((r) => !BUILT_IN.some((k) => k.code === r.code))
      .map((r) => ({
        code: r.code,
        label: r.label,
        type: r.type,
        scope: r.scope as ActivityKind['scope'],
        attendance: r.attendance,
        builtIn: false,
        active: r.active,
        withdrawnReason: r.withdrawnReason,
      })),
  ];
}

/** The kind of that code, active in the unit, or a clear 400. */
export async function activeKind(db: Db, unitId: string, code: string): Promise<UnitKind> {
  const k = (await unitKinds(db, unitId)).find((x) => x.code === code && x.active);
  if (!k) throw badRequest(`活动类别不存在或已停用：${code}`);
  return k;
}

const present = (actor: Actor, k: UnitKind) => ({
  code: k.code,
  label: k.label,
  type: k.type as keyof typeof ACTIVITY_TYPES,
  scope: k.scope,
  attendance: !!k.attendance,
  builtIn: k.builtIn,
  active: k.active,
  withdrawnReason: k.withdrawnReason,
  can: { withdraw: activityKindPolicy(actor, { unitId: actor.unitId, ...k }).withdraw },
});

export async function listKinds(deps: AppDeps, actor: Actor, q: z.infer<typeof ZActivityKindQuery>) {
  const all = (await unitKinds(deps.db, actor.unitId)).filter((k) => q.withWithdrawn === 'true' || k.active);
  const items = all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map((k) => present(actor, k));
  return { items, total: all.length, page: q.page, pageSize: q.pageSize };
}

export async function addKind(deps: AppDeps, actor: Actor, b: z.infer<typeof ZActivityKindBody>) {
  authorize(
    activityKindPolicy(actor, { unitId: actor.unitId, builtIn: false, active: true }),
    'add',
    '只有领导小组办公室可以增加活动类别',
  );
  const problem = checkNewKind(b, await unitKinds(deps.db, actor.unitId), Object.keys(ACTIVITY_TYPES));
  if (problem) throw badRequest(problem);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await activityKindsRepo.insert(tx, { unitId: actor.unitId, ...b, createdBy: actor.userId, createdAt: at });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'activity_kind',
      entityId: b.code,
      action: 'create',
      after: b,
    });
  });
  return present(actor, { ...b, builtIn: false, active: true, withdrawnReason: null });
}

export async function withdrawKind(deps: AppDeps, actor: Actor, code: string, reason: string) {
  const k = (await unitKinds(deps.db, actor.unitId)).find((x) => x.code === code);
  if (!k) throw notFound('活动类别');
  if (k.builtIn) throw badRequest('模板定义的活动类别不能停用');
  if (!k.active) throw badRequest('该活动类别已停用');
  authorize(
    activityKindPolicy(actor, { unitId: actor.unitId, ...k }),
    'withdraw',
    '只有领导小组办公室可以停用活动类别',
  );
  const rules = await campaignsRepo.activeRulesOfUnit(deps.db, actor.unitId);
  const blocker = withdrawalBlocker(
    code,
    rules.map((r) => ({ title: r.title, kinds: ruleKinds(r.rule, r.versions) })),
  );
  if (blocker) throw badRequest(blocker);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await activityKindsRepo.withdraw(tx, actor.unitId, code, reason);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'activity_kind',
      entityId: code,
      action: 'withdraw',
      after: { code, reason },
    });
  });
  return present(actor, { ...k, active: false, withdrawnReason: reason });
}

/** Every kind a rule counts, in any of its versions. */
export function ruleKinds(rule: unknown, versions: unknown): string[] {
  const all = [rule as StoredRule, ...(versions as { rule: StoredRule }[]).map((v) => v.rule)];
  return [...new Set(all.flatMap((r) => r.activityKinds ?? []))];
}

/**
 * An activity's kind (given, or the generic kind of its type) checked against the unit, and — for a
 * meeting whose kind records attendance — its participants and absentees as the attendance says.
 */
export async function kindAndAttendance(
  db: Db,
  unitId: string,
  b: { type: string; kind?: string; attendance: AttendanceMark[]; participantIds: string[]; absentIds: string[] },
) {
  const k = await activeKind(db, unitId, b.kind ?? b.type);
  if (k.type !== b.type)
    throw badRequest(
      `活动类别“${k.label}”属于“${ACTIVITY_TYPES[k.type as keyof typeof ACTIVITY_TYPES]}”，与所选活动类型不符`,
    );
  if (b.attendance.length === 0)
    return { kind: k.code, attendance: [], participantIds: b.participantIds, absentIds: b.absentIds };
  if (!k.attendance) throw badRequest(`“${k.label}”不登记出勤情况`);
  if (b.participantIds.length || b.absentIds.length)
    throw badRequest('登记出勤情况时，参加和缺席人员由出勤情况确定，请勿另外填写');
  if (new Set(b.attendance.map((x) => x.personId)).size !== b.attendance.length)
    throw badRequest('同一人只能登记一种出勤情况');
  return { kind: k.code, attendance: b.attendance, ...fromAttendance(b.attendance) };
}
