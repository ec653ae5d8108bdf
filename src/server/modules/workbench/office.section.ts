/** 领导小组办公室: the unit's items that need the office today, each figure the ledger's own count. */
import { shanghaiDate } from '../../../domain/civil-date.js';
import { DUE_SOON_WORKING_DAYS } from '../../../domain/item-figures.js';
import type { Actor } from '../../../domain/roles.js';
import type { AppDeps } from '../../types.js';
import { campaignRisk, ledgerFigure, ledgerItems } from './workbench-figures.js';

export async function officeSection(deps: AppDeps, actor: Actor) {
  const today = shanghaiDate(deps.clock.now());
  const f = (key: string, label: string, tone: Parameters<typeof ledgerFigure>[4], q: Record<string, string>) =>
    ledgerFigure(deps, actor, key, label, tone, q);
  const [figures, overdue, soon, campaign] = await Promise.all([
    Promise.all([
      f('overdue', '逾期未办结', 'red', { figure: 'overdue' }),
      f('dueSoon', `临期（${DUE_SOON_WORKING_DAYS}个工作日内）`, 'gold', { figure: 'dueSoon' }),
      f('unsigned', '未签收', 'blue', { status: 'assigned' }),
      f('review', '待我复核', 'blue', { reviewable: 'true' }),
      f('reportMissing', '漏报进展', 'gold', { figure: 'reportMissing' }),
      f('extensionPending', '延期待审批', 'default', { extensionPending: 'true' }),
    ]),
    ledgerItems(deps, actor, { figure: 'overdue' }),
    ledgerItems(deps, actor, { figure: 'dueSoon' }),
    campaignRisk(deps, actor),
  ]);
  // 今日待办: what is already late, then what falls due today (the ledger lists by due date).
  const todayList = [...overdue, ...soon.filter((i) => i.due === today)];
  return { figures, today: todayList, campaign };
}
