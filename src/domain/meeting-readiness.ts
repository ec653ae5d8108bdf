/**
 * Is the organizational life meeting ready to be held? A checklist computed from the records: the
 * study (members who attended of all members), the opinions (collected, not yet classified), the
 * talks (done against the plan, members not yet talked with) and the personal self-check lists
 * (approved of expected). Each unmet check is a gap, written as a sentence the report can quote.
 * Pure.
 */

export interface ReadinessFacts {
  members: number;
  study: { sessions: number; membersAttended: number };
  opinions: { formLinked: boolean; collected: number; unclassified: number };
  talks: { planned: number; done: number; membersNotTalked: string[] };
  lists: { approved: number; expected: number };
}

export type ReadinessKey = 'study' | 'opinions' | 'talks' | 'lists';
export interface ReadinessCheck {
  key: ReadinessKey;
  label: string;
  done: boolean;
  /** What the records hold, e.g. “计划 72 次，已完成 1 次”. */
  detail: string;
  /** What is missing, as a phrase (“71次谈心谈话未完成”); empty when done. */
  gap: string;
}

const NAMES_SHOWN = 10;

function study(f: ReadinessFacts): ReadinessCheck {
  const { sessions, membersAttended } = f.study;
  const missing = Math.max(0, f.members - membersAttended);
  const gap = sessions === 0 ? '会前学习未登记' : missing ? `${missing}名党员未参加会前学习` : '';
  const detail = sessions === 0 ? '尚未登记学习' : `学习${sessions}次，${f.members}名党员中${membersAttended}名参加`;
  return { key: 'study', label: '会前学习', done: !gap, detail, gap };
}

function opinions(f: ReadinessFacts): ReadinessCheck {
  const o = f.opinions;
  const gap = !o.formLinked
    ? '未关联征求意见表'
    : o.collected === 0
      ? '尚未收集到意见'
      : o.unclassified
        ? `${o.unclassified}条意见未分类`
        : '';
  const detail = o.formLinked ? `收集意见${o.collected}条，未分类${o.unclassified}条` : '未关联征求意见表';
  return { key: 'opinions', label: '征求意见', done: !gap, detail, gap };
}

function talks(f: ReadinessFacts): ReadinessCheck {
  const t = f.talks;
  const open = Math.max(0, t.planned - t.done);
  const gap = t.planned === 0 ? '未制定谈心谈话计划' : open ? `${open}次谈心谈话未完成` : '';
  const names = t.membersNotTalked.slice(0, NAMES_SHOWN).join('、');
  const more = t.membersNotTalked.length > NAMES_SHOWN ? `等${t.membersNotTalked.length}人` : '';
  const notYet = t.membersNotTalked.length ? `；尚未谈话：${names}${more}` : '';
  const detail = t.planned === 0 ? '未制定计划' : `计划${t.planned}次，已完成${t.done}次${notYet}`;
  return { key: 'talks', label: '谈心谈话', done: !gap, detail, gap };
}

function lists(f: ReadinessFacts): ReadinessCheck {
  const { approved, expected } = f.lists;
  const open = Math.max(0, expected - approved);
  const gap = open ? `${open}份个人问题自查清单未审核通过` : '';
  return { key: 'lists', label: '问题自查清单', done: !gap, detail: `应有${expected}份，已审核通过${approved}份`, gap };
}

/** The four checks in the order the preparation runs. */
export function meetingReadiness(f: ReadinessFacts): { checks: ReadinessCheck[]; gaps: string[]; ready: boolean } {
  const checks = [study(f), opinions(f), talks(f), lists(f)];
  const gaps = checks.filter((c) => !c.done).map((c) => c.gap);
  return { checks, gaps, ready: gaps.length === 0 };
}
