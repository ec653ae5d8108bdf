import { shanghaiDate } from '../../../domain/civil-date.js';
import type { Actor } from '../../../domain/roles.js';
import { canSeeList } from '../../../domain/policies/self-check-list.js';
import type { Entry } from '../../../shared/contracts/orglife.js';
import { orgRepo } from '../org/org.repo.js';
import { badRequest } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { campaignsRepo } from '../campaigns/campaigns.repo.js';
import { insertItem, prepareItem } from '../supervision/items.service.js';
import { meetingOr404 } from './meetings.service.js';
import { orglifeRepo } from './orglife.repo.js';

const STATUS_LABEL: Record<string, string> = {
  assigned: '已交办',
  in_progress: '整改中',
  under_review: '待审核',
  closed: '已完成',
  withdrawn: '已撤回',
};

/**
 * 整改清单: every problem on the branch's list and on the approved personal lists, with its owner
 * (the member, or whoever the branch names), measures and deadline, and its supervised item once made.
 */
async function rectificationRows(deps: AppDeps, actor: Actor, meetingId: string) {
  const m = await meetingOr404(deps, actor, meetingId, 'readRectification');
  const [lists, roster, items, categories] = await Promise.all([
    orglifeRepo.lists(deps.db, actor.unitId, meetingId),
    orglifeRepo.roster(deps.db, actor.unitId),
    orglifeRepo.rectificationItems(deps.db, actor.unitId, meetingId),
    m.campaignId ? campaignsRepo.categories(deps.db, actor.unitId, m.campaignId) : Promise.resolve([]),
  ]);
  const names = new Map(roster.map((p) => [p.id, p.name]));
  const cats = new Map(categories.map((c) => [c.no, c.title]));
  const byRef = new Map(items.map((i) => [i.originKey, i]));
  const branch = lists.find((l) => !l.personId);
  const used = [
    branch,
    ...lists
      .filter((l) => l.personId && l.status === 'approved')
      .sort((a, b) => (names.get(a.personId!) ?? '').localeCompare(names.get(b.personId!) ?? '', 'zh')),
  ].filter((l) => !!l);
  const rows = used.flatMap((l) =>
    (l.entries as Entry[]).map((e, i) => {
      const ref = `orglife:${meetingId}:${l.id}:${i + 1}`;
      const label = `组织生活会·${l.personId ? `${names.get(l.personId) ?? ''}个人` : '党支部'}清单第${i + 1}条`;
      const item = byRef.get(ref);
      const ownerPersonId = e.ownerPersonId ?? l.personId;
      return {
        ref,
        label,
        listId: l.id,
        personalOf: l.personId,
        from: l.personId ? (names.get(l.personId) ?? '') : '党支部',
        categoryNo: e.categoryNo,
        category: e.categoryNo ? (cats.get(e.categoryNo) ?? '') : '',
        problem: e.shortfall,
        measures: e.measures || e.nextSteps,
        ownerPersonId,
        ownerName: ownerPersonId ? (names.get(ownerPersonId) ?? '') : '',
        due: e.due,
        itemId: item?.id ?? null,
        itemStatus: item ? (STATUS_LABEL[item.status] ?? item.status) : null,
        itemDue: item?.due ?? null,
      };
    }),
  );
  // Submitted or returned and not yet approved: on their way into the list (drafts nobody submitted are not counted).
  const pending = lists.filter((l) => l.personId && (l.status === 'submitted' || l.status === 'returned')).length;
  return { meeting: m, meetingStatus: m.status as 'preparing' | 'held', rows, pendingLists: pending };
}

const HIDDEN_PROBLEM = '（个人自查清单中的问题，仅本人、支部书记和班子成员可见）';

/**
 * The list as the reader may see it: a problem from a member's personal list keeps the list's
 * sensitivity (domain/policies/self-check-list.ts) — its text, category, measures and owner are
 * shown only to those who may read that list; others see that the row exists and its state.
 */
export async function rectificationList(deps: AppDeps, actor: Actor, meetingId: string) {
  const { meeting: _meeting, rows, ...rest } = await rectificationRows(deps, actor, meetingId);
  const visible = rows.map(({ label: _label, personalOf, ...r }) => {
    if (canSeeList(actor, personalOf)) return { ...r, readable: true };
    return {
      ...r,
      readable: false,
      from: '党员个人',
      categoryNo: null,
      category: '',
      problem: HIDDEN_PROBLEM,
      measures: '',
      ownerPersonId: null,
      ownerName: '',
    };
  });
  return { ...rest, rows: visible };
}

/** After the meeting: one supervised item (source `rectification`) per problem not yet made into one. */
export async function generateRectification(deps: AppDeps, actor: Actor, meetingId: string) {
  const m = await meetingOr404(deps, actor, meetingId, 'rectify', { preparing: '会议召开后再生成整改清单' });
  const list = await rectificationRows(deps, actor, meetingId);
  const todo = list.rows.filter((r) => !r.itemId);
  if (todo.length === 0) throw badRequest(list.rows.length ? '整改事项已全部生成' : '自查清单中还没有问题');
  const noOwner = todo.find((r) => !r.ownerPersonId);
  if (noOwner) throw badRequest(`党支部清单中“${noOwner.problem.slice(0, 20)}”还没有指定整改责任人`);
  const roster = await orglifeRepo.roster(deps.db, actor.unitId);
  const deptOf = new Map(roster.map((p) => [p.id, p.departmentId]));
  const firstDept = (await orgRepo.departments(deps.db, actor.unitId)).find((d) => d.active);
  const fallbackDept = (actor.personId && deptOf.get(actor.personId)) || firstDept?.id;
  if (!fallbackDept) throw badRequest('请先建立科室（中心）');
  const receivedOn = m.heldOn ?? shanghaiDate(deps.clock.now());
  const prepared: Awaited<ReturnType<typeof prepareItem>>[] = [];
  for (const r of todo) {
    if (r.due && r.due < receivedOn)
      throw badRequest(
        `${r.personalOf && !canSeeList(actor, r.personalOf) ? `${r.from}个人清单中的一条问题` : `“${r.problem.slice(0, 20)}”`}的整改时限早于会议日期`,
      );
    prepared.push(
      await prepareItem(
        deps,
        actor,
        {
          title: `整改：${r.problem.replace(/\s+/g, ' ').slice(0, 90)}`,
          content: `问题（${r.from}${r.category ? `，${r.category}` : ''}）：${r.problem}\n整改措施：${r.measures || '（待细化）'}`,
          source: 'rectification',
          sourceRef: r.label,
          category: r.category || null,
          leadDepartmentId: deptOf.get(r.ownerPersonId!) ?? fallbackDept,
          cooperatingDepartmentIds: [],
          ownerPersonId: r.ownerPersonId!,
          leaderPersonId: null,
          cadence: 'none',
          receivedOn,
          urgency: 'normal',
          explicitDue: r.due,
          milestones: [],
        },
        r.personalOf,
      ),
    );
  }
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    for (const [i, p] of prepared.entries()) {
      const item = await insertItem(tx, deps, actor, p);
      await orglifeRepo.setOriginKey(tx, actor.unitId, item.id, todo[i]!.ref);
    }
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'org_life_meeting',
      entityId: meetingId,
      action: 'rectification',
      after: { items: prepared.length },
    });
  });
  return rectificationList(deps, actor, meetingId);
}

export async function rectificationSheet(deps: AppDeps, actor: Actor, meetingId: string) {
  const m = await meetingOr404(deps, actor, meetingId, 'readRectification');
  const list = await rectificationList(deps, actor, meetingId);
  const columns = [
    { header: '序号', width: 6 },
    { header: '来源', width: 10 },
    { header: '类别', width: 24 },
    { header: '存在问题', width: 50 },
    { header: '整改措施', width: 50 },
    { header: '责任人', width: 10 },
    { header: '整改时限', width: 12 },
    { header: '督办状态', width: 10 },
  ];
  async function* rows() {
    yield list.rows.map((r, i) => [
      i + 1,
      r.from,
      r.category,
      r.problem,
      r.measures,
      r.ownerName,
      r.itemDue ?? r.due ?? '',
      r.itemStatus ?? '未生成',
    ]);
  }
  return { title: m.title, columns, rows: rows() };
}
