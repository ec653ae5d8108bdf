import { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { rank } from '../../../domain/rankings.js';
import type { Actor } from '../../../domain/roles.js';
import { zIsoDate } from '../../../shared/contracts/calendar.js';
import { reportsRepo } from './reports.repo.js';
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
  const rows = await reportsRepo.rankingRows(deps.db, actor.unitId, q.by, q.from, q.to);
  return rank(rows, shanghaiDate(deps.clock.now()), await calendarForUnit(deps.db, actor.unitId));
}
