import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import type { Actor } from '../../../domain/roles.js';
import {
  CONFIDENTIAL_ACTIVITY_TITLE,
  activityPolicy,
  canRecordConfidential,
  mayFilterConfidentialBy,
  type ActivityCan,
} from '../../../domain/policies/activity.js';
import { authorize } from '../../authorize.js';
import type { ZActivityBody, ZActivityQuery } from '../../../shared/contracts/campaigns.js';
import { badRequest, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { orgRepo } from '../org/org.repo.js';
import { campaignsRepo, type ActivityRow } from './campaigns.repo.js';
import { filesOfActivities } from './activity-files.service.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { kindAndAttendance, unitKinds } from './activity-kinds.service.js';

export { createObject, importObjects, listObjects, type ImportProblem } from './contact-objects.service.js';

/**
 * 活动记录: checked against today, the campaign's period, the unit's people, objects, departments
 * and the campaign's measures; then stored with an audit event.
 */
export async function createActivity(deps: AppDeps, actor: Actor, b: z.infer<typeof ZActivityBody>) {
  // A discipline inspection recorded by the discipline staff is confidential unless they say otherwise.
  const confidential = b.confidential ?? (canRecordConfidential(actor) && b.type === 'inspection');
  if (confidential && !canRecordConfidential(actor)) throw forbidden('只有机关纪委可以登记保密的纪律检查记录');
  const k = await checkActivityBody(deps, actor, b);
  const at = deps.clock.now();
  const row = await deps.db.transaction(async (tx) => {
    const a = await campaignsRepo.insertActivity(tx, {
      unitId: actor.unitId,
      ...activityFieldsOf(b, k),
      confidential,
      createdBy: actor.userId,
      createdAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'activity',
      entityId: a.id,
      action: 'create',
      after: {
        type: b.type,
        kind: k.kind,
        title: b.title,
        heldOn: b.heldOn,
        participants: a.participantIds.length,
        ...(confidential ? { confidential } : {}),
      },
    });
    return a;
  });
  return (await presentActivities(deps, actor, [row]))[0]!;
}

/** What checkActivityBody settled: the kind, and who took part (from the attendance when the kind records it). */
type SettledPeople = Awaited<ReturnType<typeof kindAndAttendance>>;

/** The stored fields of a recorded or corrected activity (lists without repeats). */
export const activityFieldsOf = (b: z.infer<typeof ZActivityBody>, k: SettledPeople) => ({
  campaignId: b.campaignId,
  type: b.type,
  kind: k.kind,
  attendance: k.attendance,
  title: b.title,
  heldOn: b.heldOn,
  departmentId: b.departmentId,
  participantIds: [...new Set(k.participantIds)],
  absentIds: [...new Set(k.absentIds)],
  objectIds: [...new Set(b.objectIds)],
  measureNos: [...new Set(b.measureNos)],
  minutes: b.minutes,
});

/**
 * The checks a recorded or corrected activity passes: its date, campaign and measures, kind, people, objects,
 * department. Returns the kind and the people as settled (from the attendance when the kind records it).
 */
export async function checkActivityBody(deps: AppDeps, actor: Actor, b: z.infer<typeof ZActivityBody>) {
  const today = shanghaiDate(deps.clock.now());
  if (b.heldOn > today) throw badRequest('活动日期不能晚于今天');
  await assertInUnit(deps.db, actor.unitId, {
    department: b.departmentId,
    person: [...b.participantIds, ...b.absentIds, ...b.attendance.map((x) => x.personId)],
  });
  // The campaign is looked up in the unit here (its period and measures are needed), not by assertInUnit as well.
  if (b.campaignId) {
    const c = await campaignsRepo.campaign(deps.db, actor.unitId, b.campaignId);
    if (!c) throw badRequest('所选专项活动不存在');
    if (b.heldOn < c.startsOn || b.heldOn > c.endsOn)
      throw badRequest(`活动日期不在专项活动期间（${c.startsOn} 至 ${c.endsOn}）内`);
    const measures = new Set(
      (await campaignsRepo.measures(deps.db, actor.unitId, c.id)).filter((m) => m.active).map((m) => m.no),
    );
    const unknown = b.measureNos.find((n) => !measures.has(n));
    if (unknown) throw badRequest(`措施${unknown}不存在或已撤销`);
  } else if (b.measureNos.length) throw badRequest('关联措施前请先选择专项活动');
  const k = await kindAndAttendance(deps.db, actor.unitId, b);
  if (k.participantIds.some((id) => k.absentIds.includes(id))) throw badRequest('同一人不能既参加又缺席');
  // Objects are contact objects, or (for 政治家访) the people visited.
  const objects = await campaignsRepo.objectsByIds(deps.db, actor.unitId, b.objectIds);
  const visited = await orgRepo.personIdsInUnit(deps.db, actor.unitId, b.objectIds);
  if (b.objectIds.some((id) => !objects.some((o) => o.id === id) && !visited.has(id)))
    throw badRequest('所选对象不存在');
  return k;
}

export async function listActivities(deps: AppDeps, actor: Actor, q: z.infer<typeof ZActivityQuery>) {
  const ids = q.ids ? q.ids.split(',').filter((x) => /^[0-9a-f-]{36}$/i.test(x)) : undefined;
  // Filtering by a person must not reveal that person's part in confidential records.
  const withConfidential = !q.personId || mayFilterConfidentialBy(actor, q.personId);
  const { rows, total } = await campaignsRepo.activitiesPage(deps.db, actor.unitId, {
    ...q,
    ids,
    withConfidential,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: await presentActivities(deps, actor, rows), total, page: q.page, pageSize: q.pageSize };
}

/** The activity and what the actor may do with it; 404 when it may not see it, 403 when it may not take `action`. */
export async function loadActivity(
  deps: AppDeps,
  actor: Actor,
  id: string,
  action?: keyof ActivityCan,
  refusal = '没有办理此操作的权限',
) {
  const a = await campaignsRepo.activity(deps.db, actor.unitId, id);
  const can = a ? activityPolicy(actor, a) : null;
  if (!a || !can?.see) throw notFound('活动记录');
  if (action && action !== 'see') {
    // Details of a confidential record are not for everyone: those who may not read it learn nothing more.
    if (!can.readDetails) throw notFound('活动记录');
    authorize(can, action, refusal);
  }
  return { a, can };
}

/** Withdrawn with a reason by whoever recorded it or the campaign office; it then no longer counts. */
export async function withdrawActivity(deps: AppDeps, actor: Actor, id: string, reason: string) {
  const { a } = await loadActivity(deps, actor, id);
  if (!a.active) throw badRequest('该活动记录已撤销');
  await loadActivity(
    deps,
    actor,
    id,
    'withdraw',
    a.confidential ? '只有记录人或机关纪委可以撤销' : '只有记录人或领导小组办公室可以撤销',
  );
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await campaignsRepo.withdrawActivity(tx, actor.unitId, id, reason))) throw badRequest('该活动记录已撤销');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'activity',
      entityId: id,
      action: 'withdraw',
      after: { reason },
    });
  });
  return (await presentActivities(deps, actor, [(await campaignsRepo.activity(deps.db, actor.unitId, id))!]))[0]!;
}

/** Activities as the reader may see them (domain/policies/activity.ts): a confidential one keeps only its type, date and measures. */
export async function presentActivities(deps: AppDeps, actor: Actor, rows: ActivityRow[]) {
  const unitId = actor.unitId;
  const [people, objects, departments, files, kinds] = await Promise.all([
    campaignsRepo.people(deps.db, unitId),
    campaignsRepo.objects(deps.db, unitId),
    campaignsRepo.departments(deps.db, unitId),
    filesOfActivities(
      deps.db,
      unitId,
      rows.map((r) => r.id),
    ),
    unitKinds(deps.db, unitId),
  ]);
  const kindLabel = (code: string) => kinds.find((k) => k.code === code)?.label ?? code;
  const name = new Map<string, string>([
    ...people.map((p) => [p.id, p.name] as const),
    ...objects.map((o) => [o.id, o.name] as const),
  ]);
  const dept = new Map(departments.map((d) => [d.id, d.name]));
  return rows
    .map((a) => ({ a, can: activityPolicy(actor, a) }))
    .map(({ a, can }) =>
      can.readDetails
        ? {
            id: a.id,
            campaignId: a.campaignId,
            type: a.type as z.infer<typeof ZActivityBody>['type'],
            kind: a.kind,
            kindLabel: kindLabel(a.kind),
            attendance: a.attendance as z.infer<typeof ZActivityBody>['attendance'],
            title: a.title,
            heldOn: a.heldOn,
            departmentId: a.departmentId,
            departmentName: a.departmentId ? (dept.get(a.departmentId) ?? null) : null,
            participantIds: a.participantIds,
            absentIds: a.absentIds,
            objectIds: a.objectIds,
            participantNames: a.participantIds.map((id) => name.get(id) ?? '—'),
            objectNames: a.objectIds.map((id) => name.get(id) ?? '—'),
            measureNos: a.measureNos,
            minutes: a.minutes,
            active: a.active,
            withdrawnReason: a.withdrawnReason,
            version: a.version,
            files: files.get(a.id) ?? [],
            confidential: a.confidential,
            can,
          }
        : {
            id: a.id,
            campaignId: a.campaignId,
            type: a.type as z.infer<typeof ZActivityBody>['type'],
            // Its specific kind (and a unit's own label) could say what the check was about: only the type's generic kind.
            kind: a.type,
            kindLabel: kindLabel(a.type),
            attendance: [],
            title: CONFIDENTIAL_ACTIVITY_TITLE,
            heldOn: a.heldOn,
            departmentId: null,
            departmentName: null,
            participantIds: [],
            absentIds: [],
            objectIds: [],
            participantNames: [],
            objectNames: [],
            measureNos: a.measureNos,
            minutes: '',
            active: a.active,
            withdrawnReason: a.withdrawnReason ? '（已撤销）' : null,
            version: a.version,
            files: [],
            confidential: true,
            can,
          },
    );
}
