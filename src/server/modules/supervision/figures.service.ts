/** What every count of items needs: today's Shanghai date and the last 临期 date, and the rate from the counts. */
import { shanghaiDate } from '../../../domain/civil-date.js';
import { DUE_SOON_WORKING_DAYS, dueSoonUntil, onTimeRate } from '../../../domain/item-figures.js';
import type { FigureDates } from '../../db/item-figures.sql.js';
import type { AppDeps } from '../../types.js';
import { calendarForUnit } from '../calendar/calendar.service.js';
import { LIST_CALENDAR } from './item-view.service.js';
import { itemsRepo, type LedgerFilter } from './items.repo.js';
import { hasPermission, type Actor } from '../../../domain/roles.js';

/** The dates the figures are counted on, with the calendar the ledger uses (so both draw the same line). */
export async function figureDates(deps: Pick<AppDeps, 'db' | 'clock'>, unitId: string): Promise<FigureDates> {
  const today = shanghaiDate(deps.clock.now());
  const calendar = await calendarForUnit(deps.db, unitId, LIST_CALENDAR);
  return { today, soonUntil: dueSoonUntil(today, calendar) };
}

interface Counts {
  items: number;
  closed: number;
  overdue: number;
  closedLate: number;
  onTime: number;
  dueSoon: number;
  reportMissing: number;
  comeDue: number;
}

/** The counts as the contract's ZItemFigures: 按时办结率 by domain/item-figures.onTimeRate. */
export const presentFigures = (c: Counts) => ({
  items: c.items,
  closed: c.closed,
  overdue: c.overdue,
  closedLate: c.closedLate,
  onTime: c.onTime,
  dueSoon: c.dueSoon,
  reportMissing: c.reportMissing,
  comeDue: c.comeDue,
  onTimeRate: onTimeRate(c.onTime, c.closedLate, c.overdue),
});

type WorkbenchFigureKey = 'overdue' | 'dueSoon' | 'reportMissing' | 'onTimeThisMonth';
type FigureQuery = Pick<LedgerFilter, 'figure' | 'closedFrom' | 'closedTo'>;

/**
 * The workbench's figures: for whoever may read the ledger, the unit's items as the ledger shows them;
 * for anyone else, the items they handle (承办, or B岗) as 我承办的事项 shows them. Each is counted by the
 * ledger's own filter (itemsRepo.count), and returned with that filter so the page can open the same list.
 */
export async function scopeFigures(deps: AppDeps, actor: Actor) {
  const unitWide = hasPermission(actor, 'supervision.read');
  const { today, soonUntil } = await figureDates(deps, actor.unitId);
  const figures: { key: WorkbenchFigureKey; label: string; query: FigureQuery }[] = [
    { key: 'overdue', label: '逾期未办结', query: { figure: 'overdue' } },
    { key: 'dueSoon', label: `临期（${DUE_SOON_WORKING_DAYS}个工作日内到期）`, query: { figure: 'dueSoon' } },
    { key: 'reportMissing', label: '漏报进展', query: { figure: 'reportMissing' } },
    {
      key: 'onTimeThisMonth',
      label: '本月按时办结',
      query: { figure: 'onTime', closedFrom: `${today.slice(0, 8)}01`, closedTo: today },
    },
  ];
  const owner = unitWide ? undefined : (actor.personId ?? NO_PERSON);
  const counts = await Promise.all(
    figures.map((f) =>
      itemsRepo.count(deps.db, actor.unitId, { ...f.query, today, yellowUntil: soonUntil, ownerPersonId: owner }),
    ),
  );
  return {
    scope: unitWide ? ('unit' as const) : ('mine' as const),
    scopeLabel: unitWide ? '全单位督办事项' : '我承办的事项（含B岗）',
    asOf: today,
    figures: figures.map((f, i) => ({ ...f, count: counts[i]! })),
  };
}
const NO_PERSON = '00000000-0000-0000-0000-000000000000';
