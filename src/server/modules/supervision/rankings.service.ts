import type { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { rank } from '../../../domain/rankings.js';
import type { Actor } from '../../../domain/roles.js';
import type { ZRankingQuery } from '../../../shared/contracts/supervision.js';
import { reportsRepo } from './reports.repo.js';
import { badRequest } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { calendarForUnit } from '../calendar/calendar.service.js';

/** Rankings of the items due in [from, to], by lead department or by responsible leader. */
export async function rankings(deps: AppDeps, actor: Actor, q: z.infer<typeof ZRankingQuery>) {
  if (q.to < q.from) throw badRequest('结束日期不能早于开始日期');
  const rows = await reportsRepo.rankingRows(deps.db, actor.unitId, q.by, q.from, q.to);
  return rank(rows, shanghaiDate(deps.clock.now()), await calendarForUnit(deps.db, actor.unitId));
}
