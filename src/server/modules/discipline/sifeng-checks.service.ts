import type { z } from 'zod';
import { parseIsoDate } from '../../../domain/civil-date.js';
import {
  seesAllSifengChecks,
  sifengCheckPolicy,
  sifengItemPolicy,
  type SifengCheckFacts,
} from '../../../domain/policies/sifeng-check.js';
import { isDisciplineStaff } from '../../../domain/policies/who.js';
import type { Actor } from '../../../domain/roles.js';
import {
  SIFENG_ITEMS,
  type ZSifengCheckBody,
  type ZSifengRecordBody,
} from '../../../shared/contracts/discipline-holiday.js';
import { authorize } from '../../authorize.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { holidayRepo, type SifengCheckRow } from './holiday.repo.js';

type CheckBody = z.infer<typeof ZSifengCheckBody>;
type RecordBody = z.infer<typeof ZSifengRecordBody>;

async function facts(deps: AppDeps, c: SifengCheckRow): Promise<SifengCheckFacts> {
  const items = await holidayRepo.items(deps.db, c.unitId, [c.id]);
  return { status: c.status, inspectorPersonIds: items.map((x) => x.i.inspectorPersonId) };
}

/** The check as its reader sees it (404 for those who may not see it). */
async function load(deps: AppDeps, actor: Actor, id: string) {
  const c = await holidayRepo.check(deps.db, actor.unitId, id);
  if (!c) throw notFound('四风检查');
  const f = await facts(deps, c);
  const can = sifengCheckPolicy(actor, f);
  if (!can.see) throw notFound('四风检查');
  return { c, f, can };
}

/** Checklist items: the standard keys once each; the unit's own items by name (custom_1, custom_2…). */
function checklist(items: CheckBody['items']) {
  const seen = new Set<string>();
  let custom = 0;
  return items.map((i) => {
    const label = i.key ? SIFENG_ITEMS[i.key] : i.label;
    if (!label) throw badRequest('自定义检查项需要填写名称');
    if (seen.has(label)) throw badRequest(`检查项“${label}”重复`);
    seen.add(label);
    return { itemKey: i.key ?? `custom_${++custom}`, label, inspectorPersonId: i.inspectorPersonId };
  });
}

export async function createSifengCheck(deps: AppDeps, actor: Actor, b: CheckBody) {
  if (!isDisciplineStaff(actor)) throw forbidden('四风检查由机关纪委组织');
  if (parseIsoDate(b.toDate) < parseIsoDate(b.fromDate)) throw badRequest('结束日期不能早于开始日期');
  if (parseIsoDate(b.toDate) - parseIsoDate(b.fromDate) > 92) throw badRequest('一次检查的期间不能超过三个月');
  const items = checklist(b.items);
  await assertInUnit(
    deps.db,
    actor.unitId,
    { person: items.map((i) => i.inspectorPersonId) },
    { person: '所选检查人不在本单位' },
  );
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await holidayRepo.insertCheck(
      tx,
      {
        unitId: actor.unitId,
        title: b.title,
        periodKey: b.periodKey,
        fromDate: b.fromDate,
        toDate: b.toDate,
        createdBy: actor.personId ?? actor.userId,
        createdAt: at,
        updatedAt: at,
      },
      items.map((i) => ({ ...i, unitId: actor.unitId, checkId: '' })),
    );
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'sifeng_check',
      entityId: row.id,
      action: 'create',
      after: { title: b.title, fromDate: b.fromDate, toDate: b.toDate, items: items.map((i) => i.label) },
    });
    return { id: row.id };
  });
}

export async function withdrawSifengCheck(deps: AppDeps, actor: Actor, id: string, reason: string) {
  const { can } = await load(deps, actor, id);
  authorize(can, 'withdraw', '只有机关纪委可以撤销进行中的四风检查');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await holidayRepo.withdrawCheck(tx, actor.unitId, id, reason, at);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'sifeng_check',
      entityId: id,
      action: 'withdraw',
      after: { reason },
    });
  });
}

/**
 * The inspector records an item: 未发现问题, or 发现问题 with each problem (who or which department,
 * when, what was seen) — each problem becomes a finding (kind sifeng) for the 通报. A corrected record
 * dismisses the findings of the one it replaces.
 */
export async function recordSifengItem(deps: AppDeps, actor: Actor, itemId: string, b: RecordBody) {
  const item = await holidayRepo.item(deps.db, actor.unitId, itemId);
  if (!item) throw notFound('检查项');
  const { c, f } = await load(deps, actor, item.checkId);
  const can = sifengItemPolicy(actor, f, item);
  if (!can.see) throw notFound('检查项');
  authorize(can, 'record', c.status === 'open' ? '只有该项的检查人可以登记结果' : '该检查已撤销');
  if (b.result === 'problem' && !b.problems.length) throw badRequest('发现问题时请至少登记一条问题');
  if (b.result === 'clear' && b.problems.length) throw badRequest('未发现问题时不能登记问题');
  for (const p of b.problems) {
    if (!p.personId && !p.departmentId) throw badRequest('请选择涉及的人员或科室');
    if (p.onDate < c.fromDate || p.onDate > c.toDate)
      throw badRequest(`问题日期应在检查期间（${c.fromDate} 至 ${c.toDate}）内`);
  }
  await assertInUnit(deps.db, actor.unitId, {
    person: b.problems.map((p) => p.personId),
    department: b.problems.map((p) => p.departmentId),
  });
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    // A finding the person has explained (or the staff decided) is no longer the inspector's to correct away.
    const decided = (await holidayRepo.itemFindings(tx, actor.unitId, itemId)).filter(
      (x) => x.status === 'explained' || x.status === 'confirmed',
    );
    if (decided.length)
      throw badRequest('该项发现的问题已有当事人说明或已认定，不能再更正；如有误请联系机关纪委作不予认定处理');
    const ok = await holidayRepo.recordItem(tx, actor.unitId, itemId, b.version, {
      result: b.result,
      note: b.note,
      recordedBy: actor.personId,
      recordedAt: at,
    });
    if (!ok) throw conflict('该检查项已被修改，请刷新后再试');
    for (const findingId of await holidayRepo.dismissItemFindings(tx, actor.unitId, itemId, at))
      await recordAudit(tx, auditActorOf(actor), at, {
        unitId: actor.unitId,
        entityType: 'discipline_finding',
        entityId: findingId,
        action: 'dismiss',
        after: { status: 'dismissed', reason: '检查人更正了检查结果' },
      });
    await holidayRepo.addFindings(
      tx,
      b.problems.map((p, i) => ({
        unitId: actor.unitId,
        kind: 'sifeng',
        sourceType: 'sifeng_check',
        sourceId: c.id,
        personId: p.personId,
        departmentId: p.departmentId,
        onDate: p.onDate,
        observed: item.itemKey,
        note: `${item.label}：${p.observed}`,
        dedupeKey: `sifeng:${itemId}:${b.version}:${i}`,
        createdBy: actor.personId,
        createdAt: at,
        updatedAt: at,
      })),
    );
    // Who was concerned and what was seen stay in the record: the audit trail says only how many.
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'sifeng_check',
      entityId: c.id,
      action: 'record',
      after: { item: item.label, result: b.result, problems: b.problems.length },
    });
  });
}

export async function sifengCheckDetail(deps: AppDeps, actor: Actor, id: string) {
  const { c, f, can } = await load(deps, actor, id);
  const [items, findings] = await Promise.all([
    holidayRepo.items(deps.db, actor.unitId, [id]),
    holidayRepo.findings(deps.db, actor.unitId, id),
  ]);
  const itemsDetail = items
    .map(({ i, inspectorName }) => ({ i, inspectorName, can: sifengItemPolicy(actor, f, i) }))
    .filter((x) => x.can.see)
    .map(({ i, inspectorName, can: itemCan }) => ({
      id: i.id,
      key: i.itemKey,
      label: i.label,
      inspectorPersonId: i.inspectorPersonId,
      inspectorName,
      result: i.result as 'pending' | 'clear' | 'problem',
      note: i.note,
      recordedAt: i.recordedAt?.toISOString() ?? null,
      version: i.version,
      findings: findings
        .filter((x) => x.f.dedupeKey?.startsWith(`sifeng:${i.id}:`))
        .map((x) => ({
          id: x.f.id,
          personId: x.f.personId,
          personName: x.personName,
          departmentId: x.f.departmentId,
          departmentName: x.departmentName,
          onDate: x.f.onDate,
          note: x.f.note,
          status: x.f.status,
        })),
      can: itemCan,
    }));
  return {
    // Counted from the items this reader sees: an inspector reads nothing of the others' items.
    ...summary(
      c,
      itemsDetail.map((x) => ({ checkId: c.id, result: x.result })),
    ),
    withdrawnReason: c.withdrawnReason,
    version: c.version,
    itemsDetail,
    can,
  };
}

function summary(c: SifengCheckRow, items: { checkId: string; result: string }[]) {
  const mine = items.filter((i) => i.checkId === c.id);
  return {
    id: c.id,
    title: c.title,
    periodKey: c.periodKey,
    fromDate: c.fromDate,
    toDate: c.toDate,
    status: c.status,
    items: mine.length,
    recorded: mine.filter((i) => i.result !== 'pending').length,
    problems: mine.filter((i) => i.result === 'problem').length,
  };
}

export async function listSifengChecks(deps: AppDeps, actor: Actor, q: { page: number; pageSize: number }) {
  const { rows, total } = await holidayRepo.checksPage(
    deps.db,
    actor.unitId,
    actor.personId,
    seesAllSifengChecks(actor),
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  const all = seesAllSifengChecks(actor);
  // An inspector's counts are of their own items: what the others found is not theirs to read.
  const items = (
    await holidayRepo.items(
      deps.db,
      actor.unitId,
      rows.map((r) => r.id),
    )
  )
    .map((x) => x.i)
    .filter((i) => all || i.inspectorPersonId === actor.personId);
  return { total, page: q.page, pageSize: q.pageSize, items: rows.map((c) => summary(c, items)) };
}

/** For the audit log: does the actor read this check's content (every item)? Unknown checks: no. */
export async function readsSifengCheck(db: AppDeps['db'], actor: Actor, id: string): Promise<boolean> {
  const c = await holidayRepo.check(db, actor.unitId, id);
  if (!c) return false;
  const items = await holidayRepo.items(db, c.unitId, [c.id]);
  return sifengCheckPolicy(actor, { status: c.status, inspectorPersonIds: items.map((x) => x.i.inspectorPersonId) })
    .seeAllItems;
}
