import { parseIsoDate, type IsoDate } from './civil-date.js';

/**
 * The closed loop of a supervised item (督办事项), as pure rules: who may move an item from one
 * status to the next, and its colour (三色). Nothing is deleted: an item is withdrawn with a reason,
 * and a closed item can be reopened with a reason.
 *
 *   assigned 待签收 → in_progress 办理中 → under_review 待复核 → closed 已办结（销号）
 *                       ↑ return 退回 (with a reason) ┘
 *   any open status → withdrawn 已撤销 (with a reason);  closed → in_progress (reopen, with a reason)
 */
export const ITEM_STATUSES = {
  assigned: '待签收',
  in_progress: '办理中',
  under_review: '待复核',
  closed: '已办结',
  withdrawn: '已撤销',
} as const;
export type ItemStatus = keyof typeof ITEM_STATUSES;

/** The statuses in which an item is still open (待签收、办理中、待复核): the one list every rule and query uses. */
export const OPEN_STATUSES = ['assigned', 'in_progress', 'under_review'] as const satisfies readonly ItemStatus[];
export const isOpenStatus = (s: ItemStatus) => (OPEN_STATUSES as readonly ItemStatus[]).includes(s);

export const ITEM_ACTIONS = {
  sign: '签收',
  submit: '提交办结',
  return: '退回',
  close: '复核销号',
  withdraw: '撤销',
  reopen: '重新打开',
} as const;
export type ItemAction = keyof typeof ITEM_ACTIONS;

/** What the rules need to know about the item. */
export interface ItemFacts {
  status: ItemStatus;
  ownerPersonId: string;
  backupPersonId: string | null;
  /** Whether the backup (B岗) is acting for the owner today. */
  backupActing: boolean;
}

/** What the rules need to know about the actor, as the service established it. */
export interface ActorFacts {
  personId: string | null;
  /** The campaign office or a unit-wide supervisor: assigns, chases, withdraws, reviews. */
  supervises: boolean;
  /** The item's responsible leader (分管领导) or the unit's party secretary: reviews and approves. */
  leads: boolean;
}

export interface TransitionInput {
  reason?: string;
  result?: string;
}

export type TransitionResult = { ok: true; next: ItemStatus } | { ok: false; status: 400 | 403; message: string };

const NEXT: Record<ItemAction, { from: ItemStatus[]; to: ItemStatus }> = {
  sign: { from: ['assigned'], to: 'in_progress' },
  submit: { from: ['in_progress'], to: 'under_review' },
  return: { from: ['under_review'], to: 'in_progress' },
  close: { from: ['under_review'], to: 'closed' },
  withdraw: { from: [...OPEN_STATUSES], to: 'withdrawn' },
  reopen: { from: ['closed'], to: 'in_progress' },
};

const refuse = (status: 400 | 403, message: string): TransitionResult => ({ ok: false, status, message });

/** The owner, or the backup while acting for the owner. */
export function handles(item: ItemFacts, actor: ActorFacts): boolean {
  if (!actor.personId) return false;
  return actor.personId === item.ownerPersonId || (item.backupActing && actor.personId === item.backupPersonId);
}

/**
 * May `actor` take `action` on `item` now? The status check comes first (a transition not allowed
 * from the current status is a 400 whoever asks), then who may act (403), then the input (400).
 */
export function checkTransition(
  item: ItemFacts,
  action: ItemAction,
  actor: ActorFacts,
  input: TransitionInput = {},
): TransitionResult {
  const rule = NEXT[action];
  if (!rule.from.includes(item.status)) {
    if (action === 'close' && item.status === 'in_progress') return refuse(400, '事项尚未提交复核，不能销号');
    return refuse(400, `事项当前为“${ITEM_STATUSES[item.status]}”，不能${ITEM_ACTIONS[action]}`);
  }
  const reviewer = actor.supervises || actor.leads;
  switch (action) {
    case 'sign':
    case 'submit':
      if (!handles(item, actor))
        return refuse(403, `只有承办人${item.backupActing ? '或代岗的B岗人员' : ''}可以${ITEM_ACTIONS[action]}`);
      if (action === 'submit' && !input.result?.trim()) return refuse(400, '请填写办理结果');
      break;
    case 'return':
    case 'close':
      if (!reviewer) return refuse(403, '只有督办人员或分管领导可以复核');
      if (handles(item, actor)) return refuse(403, '不能复核自己承办的事项');
      if (action === 'return' && !input.reason?.trim()) return refuse(400, '请填写退回原因');
      break;
    case 'withdraw':
    case 'reopen':
      if (!reviewer) return refuse(403, `只有督办人员或分管领导可以${ITEM_ACTIONS[action]}`);
      if (!input.reason?.trim()) return refuse(400, `请填写${ITEM_ACTIONS[action]}原因`);
      break;
  }
  return { ok: true, next: rule.to };
}

export type ReportCadence = 'none' | 'weekly' | 'monthly';

/* The colour of an item (三色) and the figures counted from items live in domain/item-figures. */

const CADENCE_DAYS = { weekly: 7, monthly: 31 } as const;

/**
 * Lapses (漏报): how many report periods went by without a report, from assignment to `end` (the
 * closing date, or today). Each stretch of more than 7 (31) days after the last report or lapse
 * counts once per period — the rule of `reportMissing`, applied over the item's whole life.
 */
export function countLapses(
  cadence: ReportCadence,
  assignedOn: IsoDate,
  reportDates: readonly IsoDate[],
  end: IsoDate,
): number {
  if (cadence === 'none') return 0;
  const period = CADENCE_DAYS[cadence];
  let last = parseIsoDate(assignedOn);
  let lapses = 0;
  const gapsUntil = (day: number) => {
    if (day - last > period) {
      const n = Math.floor((day - last - 1) / period);
      lapses += n;
      last += n * period;
    }
  };
  for (const r of [...reportDates].sort()) {
    const day = parseIsoDate(r);
    if (day < last) continue;
    gapsUntil(day);
    last = day;
  }
  gapsUntil(parseIsoDate(end));
  return lapses;
}

/** A weekly report is missing after 7 days without one (since assignment); a monthly one after 31. */
export function reportMissing(
  item: { cadence: ReportCadence; lastReportOn: IsoDate | null; assignedOn: IsoDate },
  today: IsoDate,
): boolean {
  if (item.cadence === 'none') return false;
  const since = item.lastReportOn ?? item.assignedOn;
  return parseIsoDate(today) - parseIsoDate(since) > (item.cadence === 'weekly' ? 7 : 31);
}
