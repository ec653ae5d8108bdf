import type { IsoDate } from './civil-date.js';

/**
 * 节点 (milestones): an item may be broken into steps, each with its own date. The rules: every
 * milestone falls between the receipt and the item's deadline, in order; the item's current due
 * date is the earliest milestone not yet done, or the deadline when all are done.
 */
export interface MilestoneInput {
  title: string;
  due: IsoDate;
}
export interface MilestoneState {
  due: IsoDate;
  doneOn: IsoDate | null;
}

export const MAX_MILESTONES = 20;

export type MilestoneCheck = { ok: true } | { ok: false; message: string };

export function checkMilestones(
  receivedOn: IsoDate,
  deadline: IsoDate | null,
  milestones: readonly MilestoneInput[],
): MilestoneCheck {
  if (milestones.length > MAX_MILESTONES) return { ok: false, message: `节点最多 ${MAX_MILESTONES} 个` };
  for (const [i, m] of milestones.entries()) {
    if (m.due < receivedOn) return { ok: false, message: `节点“${m.title}”的时限不能早于收文（交办）日期` };
    if (deadline && m.due > deadline)
      return { ok: false, message: `节点“${m.title}”的时限不能晚于办理时限 ${deadline}` };
    if (i > 0 && m.due < milestones[i - 1]!.due) return { ok: false, message: '节点应按时限先后排列' };
  }
  return { ok: true };
}

/** The date the item is due next: its earliest open milestone, never later than its deadline. */
export function currentDue(deadline: IsoDate, milestones: readonly MilestoneState[]): IsoDate {
  let due = deadline;
  for (const m of milestones) if (m.doneOn === null && m.due < due) due = m.due;
  return due;
}
