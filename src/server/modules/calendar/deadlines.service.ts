import type { z } from 'zod';
import { computeDeadline, type DeadlinePolicy } from '../../../domain/deadlines.js';
import type { IsoDate } from '../../../domain/civil-date.js';
import type { Actor } from '../../../domain/roles.js';
import type { WorkdayCalendar } from '../../../domain/workdays.js';
import type { ZDeadlinePolicy, ZDeadlinesQuery } from '../../../shared/contracts/calendar.js';
import type { Db } from '../../db/client.js';
import type { AppDeps } from '../../types.js';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/audit.service.js';
import { calendarForUnit } from './calendar.service.js';
import { deadlinesRepo } from './deadlines.repo.js';

export interface NewDeadline {
  unitId: string;
  subjectType: string;
  subjectId: string;
  title: string;
  ownerPersonId: string | null;
  receivedOn: IsoDate;
  policy: DeadlinePolicy;
}

/**
 * Stores the deadline of a subject in the caller's transaction, with the policy, so that later
 * recomputations are reproducible. The unit's calendar is loaded by the caller before the
 * transaction (PGlite has one connection: a query outside the transaction would wait for it).
 */
export async function createDeadline(tx: Db, calendar: WorkdayCalendar, actor: AuditActor, at: Date, d: NewDeadline) {
  const c = computeDeadline(d.policy, d.receivedOn, calendar);
  const row = await deadlinesRepo.insert(tx, {
    ...d,
    due: c.due,
    halfDue: c.halfway ?? null,
    provisional: c.provisional,
    createdAt: at,
    updatedAt: at,
  });
  await recordAudit(tx, actor, at, {
    unitId: d.unitId,
    entityType: 'deadline',
    entityId: row.id,
    action: 'create',
    after: { title: d.title, receivedOn: d.receivedOn, policy: d.policy, due: c.due, provisional: c.provisional },
  });
  return row;
}

/**
 * Recomputes every open working-day deadline whose counted days may touch [from, to] (of one
 * unit, or all), after the calendar changed there. A changed deadline is updated and audited.
 * Telling the owner waits for the notification inbox (issue 7); the audit trail records it now.
 */
export async function recomputeDeadlines(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  range: { unitId?: string; from: IsoDate; to: IsoDate },
  actor: AuditActor = SYSTEM_ACTOR,
) {
  let changed = 0;
  let checked = 0;
  // One compiled calendar per unit for the whole run (the calendar does not change during it).
  const calendars = new Map<string, Promise<Awaited<ReturnType<typeof calendarForUnit>>>>();
  const calendarOf = (unitId: string) => {
    if (!calendars.has(unitId)) calendars.set(unitId, calendarForUnit(deps.db, unitId));
    return calendars.get(unitId)!;
  };
  for (let afterId = ''; ; ) {
    const batch = await deadlinesRepo.openTouching(deps.db, { ...range, afterId, limit: 500 });
    if (batch.length === 0) break;
    afterId = batch.at(-1)!.id;
    checked += batch.length;
    const at = deps.clock.now();
    for (const d of batch) {
      const c = computeDeadline(d.policy as DeadlinePolicy, d.receivedOn, await calendarOf(d.unitId));
      if (c.due === d.due && c.provisional === d.provisional && (c.halfway ?? null) === d.halfDue) continue;
      await deps.db.transaction(async (tx) => {
        await deadlinesRepo.update(tx, d.unitId, d.id, {
          due: c.due,
          halfDue: c.halfway ?? null,
          provisional: c.provisional,
          updatedAt: at,
        });
        await deadlinesRepo.syncSubject(tx, d, { due: c.due, provisional: c.provisional, halfDue: c.halfway ?? null });
        await recordAudit(tx, actor, at, {
          unitId: d.unitId,
          entityType: 'deadline',
          entityId: d.id,
          action: 'recompute',
          before: { due: d.due, provisional: d.provisional },
          after: { due: c.due, provisional: c.provisional },
        });
      });
      changed++;
    }
  }
  return { checked, changed };
}

/** One page of the unit's registered deadlines, filtered by status and provisional. */
export async function deadlinesPage(deps: AppDeps, actor: Actor, q: z.infer<typeof ZDeadlinesQuery>) {
  const { rows, total } = await deadlinesRepo.page(deps.db, actor.unitId, {
    status: q.status,
    provisional: q.provisional === undefined ? undefined : q.provisional === 'true',
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((d) => ({
      id: d.id,
      subjectType: d.subjectType,
      subjectId: d.subjectId,
      title: d.title,
      receivedOn: d.receivedOn,
      policy: d.policy as z.infer<typeof ZDeadlinePolicy>,
      due: d.due,
      provisional: d.provisional,
      status: d.status,
    })),
  };
}
