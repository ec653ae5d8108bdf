/**
 * 上报 and 上级交办 (issue 20): what an upper unit asks of the units below it and where each addressed unit stands.
 * Pure: the caller gives today's date (Asia/Shanghai) and the target's recorded facts.
 *
 * A report (meeting_report, campaign_report, form) is done when the unit has submitted its document; a task is
 * done when the item it became in the unit's ledger is closed. Whatever is not done after the due date is late.
 */
import type { IsoDate } from './civil-date.js';

export const UPWARD_KINDS = {
  meeting_report: '专题组织生活会情况报告',
  campaign_report: '专项工作情况报告',
  form: '报表或材料',
  task: '上级交办事项',
} as const;
export type UpwardKind = keyof typeof UPWARD_KINDS;
export const UPWARD_KIND_CODES = Object.keys(UPWARD_KINDS) as UpwardKind[];

/** Whether the kind asks for a document to be submitted (a task is done by closing its item instead). */
export const asksForDocument = (kind: UpwardKind) => kind !== 'task';

export type TargetState = 'pending' | 'registered' | 'submitted' | 'closed' | 'withdrawn';
export const TARGET_STATE_LABELS: Record<TargetState, string> = {
  pending: '待登记',
  registered: '办理中',
  submitted: '已上报',
  closed: '已办结',
  withdrawn: '已撤回',
};

export interface TargetFacts {
  kind: UpwardKind;
  requestWithdrawn: boolean;
  dueOn: IsoDate;
  registered: boolean;
  /** The Asia/Shanghai date of the submission, if any. */
  submittedOn: IsoDate | null;
  /** The status of the item in the unit's ledger, if registered. */
  itemStatus: string | null;
}

export interface TargetStanding {
  state: TargetState;
  done: boolean;
  /** Not done and past the due date. */
  late: boolean;
  /** Done, but after the due date. */
  doneLate: boolean;
  /** May the upper level chase it (催报/催办)? */
  chaseable: boolean;
}

export function standingOf(t: TargetFacts, today: IsoDate): TargetStanding {
  const done = asksForDocument(t.kind) ? t.submittedOn !== null : t.itemStatus === 'closed';
  const state: TargetState = t.requestWithdrawn
    ? 'withdrawn'
    : done
      ? asksForDocument(t.kind)
        ? 'submitted'
        : 'closed'
      : t.registered
        ? 'registered'
        : 'pending';
  const late = !done && !t.requestWithdrawn && today > t.dueOn;
  const doneLate = done && asksForDocument(t.kind) && t.submittedOn !== null && t.submittedOn > t.dueOn;
  return { state, done, late, doneLate, chaseable: !done && !t.requestWithdrawn };
}

export interface RequestSummary {
  total: number;
  done: number;
  late: number;
  pending: number;
}

/** The request's counts over its targets: done + not done = total; every late target is not done. */
export function summarize(standings: readonly TargetStanding[]): RequestSummary {
  return {
    total: standings.length,
    done: standings.filter((s) => s.done).length,
    late: standings.filter((s) => s.late).length,
    pending: standings.filter((s) => s.state === 'pending').length,
  };
}
