import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { rank } from '../../../domain/rankings.js';
import type { Actor } from '../../../domain/roles.js';
import type { ReportCadence } from '../../../domain/supervision.js';
import { zIsoDate } from '../../../shared/contracts/calendar.js';
import { deadlines, departments, people, supervisedItems } from '../../db/schema/index.js';
import { badRequest } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { calendarForUnit } from '../calendar/calendar.service.js';

export const ZRankingQuery = z.object({ by: z.enum(['department', 'leader']).default('department'), from: zIsoDate, to: zIsoDate });
export const ZRankingRow = z.object({
  group: z.string(), items: z.number().int(), closedOnTime: z.number().int(), overdue: z.number().int(),
  onTimeRate: z.number().nullable(), avgWorkingDaysToClose: z.number().nullable(), returns: z.number().int(), lapses: z.number().int(),
});

/** Rankings of the items due in [from, to], by lead department or by responsible leader. */
export async function rankings(deps: AppDeps, actor: Actor, q: z.infer<typeof ZRankingQuery>) {
  if (q.to < q.from) throw badRequest('结束日期不能早于开始日期');
  const group = q.by === 'department' ? departments.name : people.name;
  const rows = await deps.db
    .select({ group: sql<string>`coalesce(${group}, '（未指定）')`, status: supervisedItems.status, due: deadlines.due, receivedOn: deadlines.receivedOn, closedOn: supervisedItems.closedOn, returnedCount: supervisedItems.returnedCount,
      cadence: sql<ReportCadence>`${supervisedItems.cadence}`, assignedOn: supervisedItems.assignedOn,
      // Report dates only where a cadence makes them count.
      reportDates: sql<string[]>`case when ${supervisedItems.cadence} = 'none' then '{}'::text[] else array(
        select r.reported_on from progress_reports r where r.unit_id = ${supervisedItems.unitId} and r.item_id = ${supervisedItems.id} order by r.reported_on) end` })
    .from(supervisedItems)
    .innerJoin(deadlines, and(eq(deadlines.unitId, supervisedItems.unitId), eq(deadlines.subjectType, 'item'), sql`${deadlines.subjectId} = ${supervisedItems.id}::text`))
    .leftJoin(departments, eq(departments.id, supervisedItems.leadDepartmentId))
    .leftJoin(people, eq(people.id, supervisedItems.leaderPersonId))
    .where(and(eq(supervisedItems.unitId, actor.unitId), gte(deadlines.due, q.from), lte(deadlines.due, q.to), sql`${supervisedItems.status} <> 'withdrawn'`));
  return rank(rows, shanghaiDate(deps.clock.now()), await calendarForUnit(deps.db, actor.unitId));
}
