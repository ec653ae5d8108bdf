/** 干部职工: my open tasks first, soonest due, with the working days left to each deadline. */
import { shanghaiDate } from '../../../domain/civil-date.js';
import type { Actor } from '../../../domain/roles.js';
import { ZLedgerQuery } from '../../../shared/contracts/supervision.js';
import type { AppDeps } from '../../types.js';
import { calendarForUnit } from '../calendar/calendar.service.js';
import { LIST_CALENDAR } from '../supervision/item-view.service.js';
import { ledger } from '../supervision/items.service.js';

export async function memberSection(deps: AppDeps, actor: Actor) {
  // The same list as 我承办的事项 (/items/mine, open only), so the page and the list agree.
  const [page, calendar] = await Promise.all([
    ledger(deps, actor, ZLedgerQuery.parse({ open: 'true', pageSize: '20' }), true),
    calendarForUnit(deps.db, actor.unitId, LIST_CALENDAR),
  ]);
  const today = shanghaiDate(deps.clock.now());
  return {
    total: page.total,
    tasks: page.items.map((i) => ({ ...i, workingDaysLeft: calendar.workingDaysBetween(today, i.due).days })),
  };
}
