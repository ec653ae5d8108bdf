import type { z } from 'zod';
import {
  canSeeOpinionItems,
  opinionItemPolicy,
  opinionSearchScope,
  type OpinionItemCan,
  type OpinionItemFacts,
} from '../../../domain/policies/opinion-item.js';
import { authorize } from '../../authorize.js';
import type { Actor } from '../../../domain/roles.js';
import {
  TARGET_KINDS,
  type ZClassifyBody,
  type ZDecideItemBody,
  type ZItemQuery,
  type ZMergeBody,
} from '../../../shared/contracts/orglife.js';
import { notificationsRepo } from '../notifications/notifications.repo.js';
import { orgRepo } from '../org/org.repo.js';
import { opinionItemsRepo } from './opinion-items.repo.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { campaignsRepo } from '../campaigns/campaigns.repo.js';
import { audienceGroupsOf } from '../opinions/opinions.service.js';
import { orglifeRepo, type OpinionItemRow } from './orglife.repo.js';
import { assertInUnit } from '../unit-ids.repo.js';

async function formOf(deps: AppDeps, actor: Actor, formId: string) {
  if (!canSeeOpinionItems(actor)) throw forbidden('没有处理意见的权限');
  const f = await opinionItemsRepo.form(deps.db, actor.unitId, formId);
  if (!f) throw notFound('征求意见表');
  return f;
}

async function lookups(deps: AppDeps, actor: Actor, form: { id: string; campaignId: string | null }) {
  const campaignId = form.campaignId;
  const [roster, depts, categories, audienceGroups] = await Promise.all([
    orglifeRepo.roster(deps.db, actor.unitId),
    orgRepo.departments(deps.db, actor.unitId),
    campaignId ? campaignsRepo.categories(deps.db, actor.unitId, campaignId) : Promise.resolve([]),
    audienceGroupsOf(deps, actor.unitId, form.id),
  ]);
  return {
    audienceGroups,
    people: new Map(roster.map((p) => [p.id, p.name])),
    departments: new Map(depts.map((d) => [d.id, d.name])),
    categories: new Map(categories.map((c) => [c.no, c.title])),
  };
}
type Lookups = Awaited<ReturnType<typeof lookups>>;

const policyOf = (actor: Actor, i: OpinionItemRow) =>
  opinionItemPolicy(actor, {
    unitId: i.unitId,
    targetKind: i.targetKind,
    targetPersonId: i.targetPersonId,
    status: i.status as OpinionItemFacts['status'],
  });

/** What an unreadable item shows instead of its text. */
function hiddenText(i: OpinionItemRow) {
  return i.targetPersonId
    ? '（涉及党员个人的意见，仅本人和支部书记可见）'
    : '（尚未分类的意见，分类前仅支部书记和指定的意见分拣人员可见）';
}

/** An item as the reader may see it (domain/policies/opinion-item.ts): unreadable text and person are replaced. */
export function presentItem(actor: Actor, i: OpinionItemRow, l: Lookups) {
  const can = policyOf(actor, i);
  const readable = can.readText;
  const target =
    i.targetKind === 'person'
      ? readable
        ? (l.people.get(i.targetPersonId!) ?? '')
        : '党员个人'
      : i.targetKind === 'department'
        ? (l.departments.get(i.targetDepartmentId!) ?? '')
        : i.targetKind
          ? TARGET_KINDS[i.targetKind as keyof typeof TARGET_KINDS]
          : '';
  return {
    id: i.id,
    categoryNo: i.categoryNo,
    categoryTitle: i.categoryNo ? (l.categories.get(i.categoryNo) ?? `第${i.categoryNo}类`) : '',
    readable,
    can,
    text: readable ? i.text : hiddenText(i),
    audienceLabel: i.targetPersonId ? '' : (l.audienceGroups.get(i.audience) ?? ''),
    repeats: i.repeats,
    targetKind: i.targetKind as keyof typeof TARGET_KINDS | null,
    targetDepartmentId: i.targetDepartmentId,
    targetPersonId: readable ? i.targetPersonId : null,
    targetLabel: target,
    status: i.status as 'new' | 'adopted' | 'not_adopted' | 'merged',
    mergedIntoId: i.mergedIntoId,
    note: readable ? i.note : '',
    version: i.version,
  };
}

export async function listItems(deps: AppDeps, actor: Actor, formId: string, q: z.infer<typeof ZItemQuery>) {
  const f = await formOf(deps, actor, formId);
  const [page, l] = await Promise.all([
    orglifeRepo.opinionItemsPage(deps.db, actor.unitId, formId, {
      ...q,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
      search: opinionSearchScope(actor),
    }),
    lookups(deps, actor, f),
  ]);
  return {
    items: page.rows.map((i) => presentItem(actor, i, l)),
    total: page.total,
    page: q.page,
    pageSize: q.pageSize,
    categories: [...l.categories].map(([no, title]) => ({ no, title })),
  };
}

/**
 * The item when the actor may take `action` on it. An item the actor may not read is a 404, like
 * one that does not exist: those who may not read it do not learn it exists.
 */
async function itemOr404(deps: AppDeps, actor: Actor, id: string, action: keyof OpinionItemCan, refusal: string) {
  if (!canSeeOpinionItems(actor)) throw forbidden('没有处理意见的权限');
  const [i] = await orglifeRepo.opinionItemsByIds(deps.db, actor.unitId, [id]);
  if (!i) throw notFound('意见');
  const can = policyOf(actor, i);
  if (!can.readText) throw notFound('意见');
  authorize(can, action, refusal);
  return i;
}

/** Classifies an item (category and target); an item newly about a person is delivered to that person's inbox, without its text. */
export async function classifyItem(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZClassifyBody>) {
  const i = await itemOr404(deps, actor, id, 'readText', '');
  if (i.status === 'merged') throw badRequest('已合并的意见请在合并后的意见上分类');
  authorize(policyOf(actor, i), 'classify', '没有分类意见的权限');
  await assertInUnit(deps.db, actor.unitId, { department: b.targetDepartmentId, person: b.targetPersonId });
  const f = await formOf(deps, actor, i.formId);
  const l = await lookups(deps, actor, f);
  if (b.categoryNo !== null && f.campaignId && !l.categories.has(b.categoryNo)) throw badRequest('所选类别不存在');
  if (b.targetKind === 'department' && (!b.targetDepartmentId || !l.departments.has(b.targetDepartmentId)))
    throw badRequest('请选择意见所指的科室（中心）');
  if (b.targetKind === 'person' && (!b.targetPersonId || !l.people.has(b.targetPersonId)))
    throw badRequest('请选择意见所指的党员');
  const patch = {
    categoryNo: b.categoryNo,
    targetKind: b.targetKind,
    targetDepartmentId: b.targetKind === 'department' ? b.targetDepartmentId : null,
    targetPersonId: b.targetKind === 'person' ? b.targetPersonId : null,
  };
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await opinionItemsRepo.updateVersioned(tx, actor.unitId, id, b.version, patch, at)))
      throw conflict('该意见已被他人修改，请刷新后再试');
    // The audit keeps what changed, never the text (the audit log is read more widely than the item).
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'opinion_item',
      entityId: id,
      action: 'classify',
      after: { categoryNo: b.categoryNo, targetKind: b.targetKind },
    });
    if (patch.targetPersonId && patch.targetPersonId !== i.targetPersonId) {
      await notificationsRepo.add(tx, [
        {
          unitId: actor.unitId,
          recipientPersonId: patch.targetPersonId,
          kind: 'opinion_about_you',
          title: '收到一条关于您的意见建议',
          body: '征求意见中有一条涉及您的意见建议（匿名），请在“组织生活会 → 我的自查清单”中查看，并在个人自查清单中对照检视。',
          dedupeKey: `opinion-about:${id}:${patch.targetPersonId}`,
          createdAt: at,
        },
      ]);
    }
  });
  return presentItem(actor, { ...i, ...patch, version: b.version + 1 }, l);
}

export async function decideItem(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZDecideItemBody>) {
  const i = await itemOr404(deps, actor, id, 'readText', '');
  if (i.status === 'merged') throw badRequest('已合并的意见不能单独采纳');
  authorize(policyOf(actor, i), 'decide', '只有意见管理人员可以采纳或不予采纳');
  if (!b.adopted && !b.note) throw badRequest('不予采纳时请说明理由');
  const status = b.adopted ? 'adopted' : 'not_adopted';
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await opinionItemsRepo.updateVersioned(tx, actor.unitId, id, b.version, { status, note: b.note }, at)))
      throw conflict('该意见已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'opinion_item',
      entityId: id,
      action: status,
      after: { note: b.note },
    });
  });
  return { ok: true as const };
}

/** Merges repeating items into one: their repeat counts add up; undone item by item with `unmergeItem`. */
export async function mergeItems(deps: AppDeps, actor: Actor, b: z.infer<typeof ZMergeBody>) {
  if (!canSeeOpinionItems(actor)) throw forbidden('没有处理意见的权限');
  const ids = [...new Set(b.ids.filter((x) => x !== b.intoId))];
  if (ids.length === 0) throw badRequest('请选择要合并的其他意见');
  await assertInUnit(deps.db, actor.unitId, { opinionItem: [b.intoId, ...ids] });
  const rows = await orglifeRepo.opinionItemsByIds(deps.db, actor.unitId, [b.intoId, ...ids]);
  // assertInUnit found every one of them in the unit (items are never deleted).
  const into = rows.find((r) => r.id === b.intoId)!;
  if (rows.some((r) => !policyOf(actor, r).readText)) throw notFound('意见');
  if (rows.some((r) => r.formId !== into.formId)) throw badRequest('只能合并同一意见表的意见');
  if (rows.some((r) => r.status === 'merged')) throw badRequest('所选意见中有已合并的意见');
  const added = rows.filter((r) => r.id !== b.intoId).reduce((n, r) => n + r.repeats, 0);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await opinionItemsRepo.merge(tx, actor.unitId, b.intoId, ids, added, at);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'opinion_item',
      entityId: b.intoId,
      action: 'merge',
      after: { merged: ids },
    });
  });
  return { ok: true as const };
}

export async function unmergeItem(deps: AppDeps, actor: Actor, id: string, reason: string) {
  const i = await itemOr404(deps, actor, id, 'unmerge', '该意见没有被合并');
  if (!i.mergedIntoId) throw badRequest('该意见没有被合并');
  const [into] = await orglifeRepo.opinionItemsByIds(deps.db, actor.unitId, [i.mergedIntoId]);
  if (into && !policyOf(actor, into).readText) throw notFound('意见');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await opinionItemsRepo.unmerge(tx, actor.unitId, id, i.mergedIntoId!, i.repeats, at);
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'opinion_item',
      entityId: id,
      action: 'unmerge',
      after: { from: i.mergedIntoId, reason },
    });
  });
  return { ok: true as const };
}
