/** 联系对象: creating, listing and importing the contact objects activities may concern. */
import type { z } from 'zod';
import type { Actor } from '../../../domain/roles.js';
import { contactObjectPolicy, contactObjectsPolicy } from '../../../domain/policies/campaign.js';
import { holdersOn, type Assignment } from '../../../domain/assignments.js';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { authorize } from '../../authorize.js';
import { OBJECT_KINDS, type ZObjectBody } from '../../../shared/contracts/campaigns.js';
import { badRequest } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { campaignsRepo, type ObjectRow } from './campaigns.repo.js';
import { contactObjectsRepo } from './contact-objects.repo.js';
import { kindOfLabel, MAX_OBJECT_CONTACTS, parseObjects } from './objects-xlsx.js';
import { assertInUnit } from '../unit-ids.repo.js';

/** 联系对象 (a village, an enterprise…) with the people assigned to it. */
export async function createObject(deps: AppDeps, actor: Actor, b: z.infer<typeof ZObjectBody>) {
  authorize(contactObjectsPolicy(actor, actor.unitId), 'create', '没有登记联系对象的权限');
  await assertInUnit(deps.db, actor.unitId, { person: b.assigneeIds });
  if (await campaignsRepo.objectByName(deps.db, actor.unitId, b.kind, b.name))
    throw badRequest(`已有同名对象“${b.name}”`);
  const at = deps.clock.now();
  const row = await deps.db.transaction(async (tx) => {
    const o = await campaignsRepo.insertObject(tx, {
      unitId: actor.unitId,
      kind: b.kind,
      name: b.name,
      assigneeIds: [...new Set(b.assigneeIds)],
      createdAt: at,
      updatedAt: at,
    });
    await contactObjectsRepo.insertAssignments(tx, initialAssignments(actor.unitId, o, at));
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'contact_object',
      entityId: o.id,
      action: 'create',
      after: b,
    });
    return o;
  });
  return (await presentObjects(deps, actor, [row]))[0]!;
}

export async function listObjects(deps: AppDeps, actor: Actor, kind?: string) {
  authorize(contactObjectsPolicy(actor, actor.unitId), 'see', '没有查看联系对象的权限');
  return presentObjects(deps, actor, await campaignsRepo.objects(deps.db, actor.unitId, kind));
}

/** The people named when an object is registered are its assignees since always (as the backfill made them). */
const initialAssignments = (unitId: string, o: ObjectRow, at: Date) =>
  o.assigneeIds.map((personId) => ({ unitId, objectId: o.id, personId, fromDate: null, createdAt: at, updatedAt: at }));

/** Objects with today's assignees (from the effective-dated assignments) and what the reader may do with each. */
export async function presentObjects(deps: AppDeps, actor: Actor, rows: ObjectRow[]) {
  const today = shanghaiDate(deps.clock.now());
  const [people, history] = await Promise.all([
    campaignsRepo.people(deps.db, actor.unitId),
    contactObjectsRepo.assignmentHistory(
      deps.db,
      actor.unitId,
      rows.map((o) => o.id),
    ),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const termsOf = new Map<string, Assignment[]>();
  for (const a of history)
    termsOf.set(a.objectId, [...(termsOf.get(a.objectId) ?? []), { holderId: a.personId, from: a.from, to: a.to }]);
  return rows.map((o) => {
    // In the order the object names them (its latest assignees), any others after.
    const rank = (id: string) => (o.assigneeIds.includes(id) ? o.assigneeIds.indexOf(id) : o.assigneeIds.length);
    const assigneeIds = holdersOn(termsOf.get(o.id) ?? [], today).sort((a, b) => rank(a) - rank(b));
    return {
      id: o.id,
      kind: o.kind as 'village' | 'enterprise' | 'county' | 'other',
      name: o.name,
      assigneeIds,
      assigneeNames: assigneeIds.map((id) => names.get(id) ?? '（已删除）'),
      active: o.active,
      withdrawnReason: o.withdrawnReason,
      version: o.version,
      can: contactObjectPolicy(actor, o),
    };
  });
}

export interface ImportProblem {
  row: number;
  column: string;
  reason: string;
}

/**
 * 联系对象导入: every row checked (type, name, people by exact name among those in service); any
 * problem lists row, column and reason and nothing is written; otherwise all rows in one transaction.
 */
export async function importObjects(deps: AppDeps, actor: Actor, file: Buffer, dryRun: boolean) {
  authorize(contactObjectsPolicy(actor, actor.unitId), 'import', '没有导入联系对象的权限');
  const rows = await parseObjects(file, { unitId: actor.unitId, config: deps.config });
  if (rows.length === 0) throw badRequest('文件中没有数据行');
  const [people, existing] = await Promise.all([
    campaignsRepo.people(deps.db, actor.unitId),
    campaignsRepo.objects(deps.db, actor.unitId),
  ]);
  const byName = new Map<string, string[]>();
  for (const p of people.filter((x) => x.status === 'in_service'))
    byName.set(p.name, [...(byName.get(p.name) ?? []), p.id]);
  const problems: ImportProblem[] = [];
  const seen = new Set(existing.map((o) => `${o.kind}:${o.name}`));
  const ready: { kind: string; name: string; assigneeIds: string[] }[] = [];
  for (const r of rows) {
    const kind = kindOfLabel(r.kind);
    if (!kind)
      problems.push({ row: r.row, column: '类型', reason: `应为${Object.values(OBJECT_KINDS).join('、')}之一` });
    if (!r.name) problems.push({ row: r.row, column: '名称', reason: '不能为空' });
    else if (r.name.length > 60) problems.push({ row: r.row, column: '名称', reason: '不能超过60个字' });
    else if (kind && seen.has(`${kind}:${r.name}`))
      problems.push({ row: r.row, column: '名称', reason: '已存在（本文件或系统中）' });
    const ids: string[] = [];
    const names = r.people.split(/[、,，;；\s]+/).filter(Boolean);
    if (names.length > MAX_OBJECT_CONTACTS)
      problems.push({ row: r.row, column: '联系人', reason: `不能超过${MAX_OBJECT_CONTACTS}人` });
    for (const n of names.slice(0, MAX_OBJECT_CONTACTS)) {
      const found = byName.get(n) ?? [];
      if (found.length === 1) ids.push(found[0]!);
      else
        problems.push({
          row: r.row,
          column: '联系人',
          reason: found.length ? `“${n}”重名，请在页面中选择` : `在职人员中没有“${n}”`,
        });
    }
    if (kind && r.name) {
      seen.add(`${kind}:${r.name}`);
      ready.push({ kind, name: r.name, assigneeIds: [...new Set(ids)] });
    }
  }
  if (problems.length || dryRun) return { rows: rows.length, created: 0, problems };
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    for (const o of ready) {
      const row = await campaignsRepo.insertObject(tx, { unitId: actor.unitId, ...o, createdAt: at, updatedAt: at });
      await contactObjectsRepo.insertAssignments(tx, initialAssignments(actor.unitId, row, at));
    }
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'contact_object',
      entityId: 'import',
      action: 'import',
      after: { rows: ready.length },
    });
  });
  return { rows: rows.length, created: ready.length, problems };
}
