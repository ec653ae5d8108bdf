import type { AuditAction } from '../../../domain/audit-vocabulary.js';
import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import type { Actor } from '../../../domain/roles.js';
import { canSeeList, selfCheckListPolicy, type ListStatus } from '../../../domain/policies/self-check-list.js';
import { canSeeTalk } from '../../../domain/policies/talk.js';
import { isBranchSecretary } from '../../../domain/policies/who.js';
import type { Entry, ZListActionBody, ZListSaveBody } from '../../../shared/contracts/orglife.js';
import { notificationsRepo } from '../notifications/notifications.repo.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { campaignsRepo } from '../campaigns/campaigns.repo.js';
import { meetingOr404, membersOf } from './meetings.service.js';
import { orglifeRepo, type ListRow, type MeetingRow } from './orglife.repo.js';
import { assertInUnit } from '../unit-ids.repo.js';

export const LIST_STATUS = { draft: '草稿', submitted: '已提交', returned: '已退回', approved: '已审核' } as const;
type Status = keyof typeof LIST_STATUS;

/** Lists of the meeting the reader may open: the branch's, and the members' for their authors, the branch secretary and the leadership. */
export async function listsOverview(deps: AppDeps, actor: Actor, meetingId: string) {
  await meetingOr404(deps, actor, meetingId);
  const [lists, roster] = await Promise.all([
    orglifeRepo.lists(deps.db, actor.unitId, meetingId),
    orglifeRepo.roster(deps.db, actor.unitId),
  ]);
  const byOwner = new Map(lists.map((l) => [l.ownerKey, l]));
  const rows = membersOf(roster)
    .filter((p) => canSeeList(actor, p.id))
    .map((p) => {
      const l = byOwner.get(p.id);
      return {
        personId: p.id,
        name: p.name,
        listId: l?.id ?? null,
        status: (l?.status ?? 'none') as Status | 'none',
        entries: (l?.entries as Entry[] | undefined)?.length ?? 0,
        submittedOn: l?.submittedOn ?? null,
      };
    });
  const branch = byOwner.get('branch');
  return {
    branch: branch
      ? { listId: branch.id, status: branch.status as Status, entries: (branch.entries as Entry[]).length }
      : null,
    members: rows,
  };
}

async function loadList(deps: AppDeps, actor: Actor, id: string) {
  const l = await orglifeRepo.list(deps.db, actor.unitId, id);
  if (!l || !canSeeList(actor, l.personId)) throw notFound('自查清单');
  return l;
}

/** The reader's own list in a meeting, made on first opening. */
export async function myList(deps: AppDeps, actor: Actor, meetingId: string) {
  const m = await meetingOr404(deps, actor, meetingId);
  if (!actor.personId) throw badRequest('当前账号未关联人员');
  const members = membersOf(await orglifeRepo.roster(deps.db, actor.unitId));
  if (!members.some((p) => p.id === actor.personId)) throw badRequest('个人自查清单由在职党员填写');
  let l = await orglifeRepo.listOf(deps.db, actor.unitId, meetingId, actor.personId);
  if (!l) {
    const at = deps.clock.now();
    await orglifeRepo.ensureList(deps.db, actor.unitId, meetingId, actor.personId, at);
    l = (await orglifeRepo.listOf(deps.db, actor.unitId, meetingId, actor.personId))!;
  }
  return presentList(deps, actor, m, l);
}

export async function getList(deps: AppDeps, actor: Actor, id: string) {
  const l = await loadList(deps, actor, id);
  return presentList(deps, actor, await meetingOr404(deps, actor, l.meetingId), l);
}

/** The list with, beside it, the opinions about its owner and the problems pointed out in their talks (each as the reader may see them). */
async function presentList(deps: AppDeps, actor: Actor, m: MeetingRow, l: ListRow) {
  const status = l.status as Status;
  const can = selfCheckListPolicy(actor, {
    personId: l.personId,
    status: status as ListStatus,
    meetingStatus: m.status,
  });
  const [roster, talks, categories, about] = await Promise.all([
    orglifeRepo.roster(deps.db, actor.unitId),
    orglifeRepo.talks(deps.db, actor.unitId, m.id),
    m.campaignId ? campaignsRepo.categories(deps.db, actor.unitId, m.campaignId) : Promise.resolve([]),
    l.personId && m.formId && can.readOpinionsAbout
      ? orglifeRepo.opinionItemsAbout(deps.db, actor.unitId, m.formId, l.personId)
      : Promise.resolve([]),
  ]);
  const names = new Map(roster.map((p) => [p.id, p.name]));
  return {
    id: l.id,
    meetingId: m.id,
    personId: l.personId,
    ownerName: l.personId ? (names.get(l.personId) ?? '') : '党支部',
    status,
    statusLabel: LIST_STATUS[status],
    entries: l.entries as Entry[],
    returnComment: l.returnComment,
    submittedOn: l.submittedOn,
    version: l.version,
    categories: categories.map((c) => ({ no: c.no, title: c.title })),
    opinions: about.map((i) => ({ id: i.id, categoryNo: i.categoryNo, text: i.text, repeats: i.repeats })),
    talkPoints: l.personId
      ? talks
          .filter(
            (t) =>
              !t.voidedReason &&
              (t.aPersonId === l.personId || t.bPersonId === l.personId) &&
              (t.problems || t.suggestions) &&
              canSeeTalk(actor, t),
          )
          .map((t) => ({
            id: t.id,
            heldOn: t.heldOn,
            with: names.get(t.aPersonId === l.personId ? t.bPersonId : t.aPersonId) ?? '',
            problems: t.problems,
            suggestions: t.suggestions,
          }))
      : [],
    can,
  };
}

async function checkEntries(deps: AppDeps, actor: Actor, m: MeetingRow, entries: Entry[]) {
  if (m.campaignId) {
    const cats = new Set((await campaignsRepo.categories(deps.db, actor.unitId, m.campaignId)).map((c) => c.no));
    const bad = entries.find((e) => e.categoryNo !== null && !cats.has(e.categoryNo));
    if (bad) throw badRequest(`类别${bad.categoryNo}不存在`);
  }
  await assertInUnit(
    deps.db,
    actor.unitId,
    { person: entries.map((e) => e.ownerPersonId), opinionItem: entries.map((e) => e.sourceItemId) },
    { person: '所选整改责任人不存在', opinionItem: '清单引用的意见不存在' },
  );
  const roster = new Set((await orglifeRepo.roster(deps.db, actor.unitId)).map((p) => p.id));
  if (entries.some((e) => e.ownerPersonId && !roster.has(e.ownerPersonId))) throw badRequest('所选整改责任人不在职');
}

export async function saveList(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZListSaveBody>) {
  const l = await loadList(deps, actor, id);
  const m = await meetingOr404(deps, actor, l.meetingId);
  const view = await presentList(deps, actor, m, l);
  if (!view.can.edit)
    throw forbidden(
      l.status === 'submitted' || l.status === 'approved'
        ? `清单${LIST_STATUS[l.status as Status]}，不能修改`
        : '只有本人可以填写个人自查清单',
    );
  await checkEntries(deps, actor, m, b.entries);
  await write(deps, actor, l, b.version, { entries: b.entries }, 'save', { entries: b.entries.length });
  return getList(deps, actor, id);
}

async function write(
  deps: AppDeps,
  actor: Actor,
  l: ListRow,
  version: number,
  patch: Partial<ListRow>,
  action: AuditAction,
  after: unknown,
  notify?: { to: string; title: string; body: string },
) {
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const rows = await orglifeRepo.updateList(tx, actor.unitId, l.id, version, { ...patch, updatedAt: at });
    if (rows.length !== 1) throw conflict('该清单已被他人修改，请刷新后再试');
    // The audit names the action, not the content: personal lists are private to a few.
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'self_check_list',
      entityId: l.id,
      action,
      after,
    });
    if (notify)
      await notificationsRepo.add(tx, [
        {
          unitId: actor.unitId,
          recipientPersonId: notify.to,
          kind: `list_${action}`,
          title: notify.title,
          body: notify.body,
          dedupeKey: `list:${l.id}:${action}:${version}`,
          createdAt: at,
        },
      ]);
  });
}

/** submit (the author) → return with comments or approve (the branch secretary); the branch's own list is approved (定稿) directly. */
export async function actOnList(deps: AppDeps, actor: Actor, id: string, b: z.infer<typeof ZListActionBody>) {
  const l = await loadList(deps, actor, id);
  const m = await meetingOr404(deps, actor, l.meetingId);
  const view = await presentList(deps, actor, m, l);
  const entries = l.entries as Entry[];
  if (b.action === 'submit') {
    if (!view.can.submit)
      throw forbidden(l.status === 'submitted' ? '清单已提交，等待支部书记审核' : '只有本人可以提交个人自查清单');
    if (entries.length === 0) throw badRequest('请至少填写一条问题再提交');
    const missing = entries.find((e) => !e.causes || !e.nextSteps);
    if (missing) throw badRequest('每条问题都要写明原因剖析和下步打算');
    await write(
      deps,
      actor,
      l,
      b.version,
      { status: 'submitted', submittedOn: shanghaiDate(deps.clock.now()) },
      'submit',
      { entries: entries.length },
    );
  } else {
    if (!view.can.decide)
      throw forbidden(
        isBranchSecretary(actor) ? `清单${LIST_STATUS[l.status as Status]}，不能审核` : '只有支部书记可以审核自查清单',
      );
    if (b.action === 'return') {
      if (!l.personId) throw badRequest('党支部清单直接修改即可');
      if (b.comment.length < 2) throw badRequest('退回时请写明修改意见');
      await write(
        deps,
        actor,
        l,
        b.version,
        { status: 'returned', returnComment: b.comment, decidedBy: actor.personId },
        'return',
        { comment: b.comment },
        {
          to: l.personId,
          title: '个人自查清单被退回',
          body: `支部书记退回了您的兴“十风”治“十弊”问题自查清单，请按意见修改后重新提交：${b.comment}`,
        },
      );
    } else {
      if (entries.length === 0) throw badRequest('清单为空，不能审核通过');
      await write(
        deps,
        actor,
        l,
        b.version,
        { status: 'approved', decidedBy: actor.personId },
        'approve',
        {},
        l.personId
          ? {
              to: l.personId,
              title: '个人自查清单已审核',
              body: '您的问题自查清单已由支部书记审核通过，可据此准备发言提纲。',
            }
          : undefined,
      );
    }
  }
  return getList(deps, actor, id);
}

/** Adds the adopted opinion items (not about a person) to the branch's list, each once. */
export async function importAdopted(deps: AppDeps, actor: Actor, meetingId: string, version: number) {
  const m = await meetingOr404(deps, actor, meetingId, 'importAdopted');
  if (!m.formId) throw badRequest('本次会议未关联征求意见表');
  const l = await orglifeRepo.listOf(deps.db, actor.unitId, meetingId, 'branch');
  if (!l) throw notFound('党支部自查清单');
  if (l.status === 'approved') throw badRequest('党支部清单已定稿');
  const entries = l.entries as Entry[];
  const have = new Set(entries.map((e) => e.sourceItemId));
  // The branch's list is read by every member: only opinions classified as not about a person go in
  // (an unclassified one may still name someone; domain/policies/opinion-item.ts).
  const items = await orglifeRepo.opinionItemsOf(deps.db, actor.unitId, m.formId);
  const adopted = items.filter(
    (i) => i.status === 'adopted' && i.targetKind !== null && !i.targetPersonId && !have.has(i.id),
  );
  const unclassified = items.filter((i) => i.status === 'adopted' && i.targetKind === null).length;
  if (adopted.length === 0)
    throw badRequest(
      unclassified ? `有 ${unclassified} 条已采纳的意见尚未分类，请先在“意见整理”中分类` : '没有新的已采纳意见可以加入',
    );
  const added: Entry[] = adopted
    .sort((a, b) => (a.categoryNo ?? 99) - (b.categoryNo ?? 99))
    .map((i) => ({
      categoryNo: i.categoryNo,
      appearance: '',
      shortfall: i.text.slice(0, 2000),
      causes: '',
      nextSteps: '',
      ownerPersonId: null,
      measures: '',
      due: null,
      sourceItemId: i.id,
    }));
  await write(deps, actor, l, version, { entries: [...entries, ...added] }, 'import_adopted', { added: added.length });
  return getList(deps, actor, l.id);
}
