/** An item as its page shows it, and the presenter the ledger's rows share. */
import { shanghaiDate } from '../../../domain/civil-date.js';
import type { DeadlinePolicy } from '../../../domain/deadlines.js';
import type { Actor } from '../../../domain/roles.js';
import { colourOf } from '../../../domain/item-figures.js';
import type { ItemStatus, ReportCadence } from '../../../domain/supervision.js';
import { PERSONAL_ITEM_TITLE } from '../../../domain/policies/item.js';
import type { AppDeps } from '../../types.js';
import { calendarForUnit } from '../calendar/calendar.service.js';
import { orgRepo } from '../org/org.repo.js';
import { peopleRepo } from '../people/people.repo.js';
import { itemsRepo, type ItemRow } from './items.repo.js';
import { auditRepo } from '../audit/audit.repo.js';
import { listAttachments } from './attachments.service.js';
import { loadItem } from './item-access.service.js';

const HIDDEN = '（内容不可见）';

export async function getItem(deps: AppDeps, actor: Actor, id: string) {
  const { row, facts, can } = await loadItem(deps, actor, id);
  const readable = can.readContent;
  const [calendar, reports, extensions, dept, owner, events, files, milestones, cooperating] = await Promise.all([
    calendarForUnit(deps.db, actor.unitId, LIST_CALENDAR),
    itemsRepo.reports(deps.db, actor.unitId, id),
    itemsRepo.extensions(deps.db, actor.unitId, id),
    row.item.leadDepartmentId ? orgRepo.department(deps.db, actor.unitId, row.item.leadDepartmentId) : undefined,
    peopleRepo.byId(deps.db, actor.unitId, row.item.ownerPersonId),
    auditRepo.page(deps.db, actor.unitId, { entityType: 'item', entityId: id, limit: 100, offset: 0 }),
    readable ? listAttachments(deps, actor.unitId, id) : Promise.resolve([]),
    itemsRepo.milestones(deps.db, actor.unitId, id),
    orgRepo.departmentsByIds(deps.db, actor.unitId, row.item.cooperatingDepartmentIds as string[]),
  ]);
  return {
    backupActing: facts.backupActing,
    deadline: row.due,
    milestones: milestones.map((m) => ({
      id: m.id,
      seq: m.seq,
      title: readable ? m.title : HIDDEN,
      due: m.due,
      doneOn: m.doneOn,
      doneNote: readable ? m.doneNote : '',
    })),
    cooperatingDepartments: cooperating.map((d) => ({ id: d.id, name: d.name })),
    attachments: files,
    // The history keeps who did what when; what they wrote is the item's content.
    timeline: events.items.map((e) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      actorName: e.actorName,
      action: e.action,
      after: readable ? e.after : null,
    })),
    can,
    ...present(
      row.item,
      row.item.due,
      row.provisional,
      calendar,
      shanghaiDate(deps.clock.now()),
      dept?.name ?? null,
      owner?.person.name ?? null,
      readable,
    ),
    policy: row.policy as DeadlinePolicy,
    receivedOn: row.receivedOn,
    reports: reports.map((r) => ({
      id: r.id,
      text: readable ? r.text : HIDDEN,
      percent: r.percent,
      reportedOn: r.reportedOn,
    })),
    extensions: extensions.map((e) => ({
      id: e.id,
      extraDays: e.extraDays,
      reason: readable ? e.reason : HIDDEN,
      status: e.status,
      decisionNote: readable ? e.decisionNote : null,
    })),
  };
}

export function present(
  i: ItemRow,
  due: string,
  provisional: boolean,
  calendar: Awaited<ReturnType<typeof calendarForUnit>>,
  today: string,
  departmentName: string | null,
  ownerName: string | null,
  readable: boolean,
) {
  return {
    // A personal item's source names the member's list: withheld with its text.
    id: i.id,
    title: readable ? i.title : PERSONAL_ITEM_TITLE,
    content: readable ? i.content : '',
    source: i.source,
    sourceRef: readable ? i.sourceRef : '',
    category: readable ? i.category : null,
    leadDepartmentId: i.leadDepartmentId,
    departmentName,
    ownerPersonId: i.ownerPersonId,
    ownerName,
    leaderPersonId: i.leaderPersonId,
    backupPersonId: i.backupPersonId,
    cadence: i.cadence,
    status: i.status as ItemStatus,
    result: readable ? i.result : null,
    assignedOn: i.assignedOn,
    closedOn: i.closedOn,
    due,
    provisional,
    version: i.version,
    personal: i.personalOf !== null,
    colour: colourOf(
      {
        status: i.status as ItemStatus,
        due,
        cadence: i.cadence as ReportCadence,
        lastReportOn: i.lastReportOn,
        assignedOn: i.assignedOn,
      },
      today,
      calendar,
    ),
  };
}

/** Lists show colours from a calendar checked at most a second ago (a calendar change shows within a second). */
export const LIST_CALENDAR = { maxAgeMs: 1000 };
