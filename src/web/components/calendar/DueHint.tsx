import { Typography } from 'antd';
import { shanghaiToday } from '../../time';
import { useDeadlinePreview, useWorkdaysBetween } from '../../queries/calendar';

type Urgency = 'urgent' | 'important' | 'normal';

/** “距今 5 个工作日” from today to `due` on the unit's calendar (provisional when the year is not loaded). */
export function WorkdaysFromToday({ due }: { due: string | null }) {
  const today = shanghaiToday();
  const r = useWorkdaysBetween(today, due);
  if (!due || !r.data) return null;
  const { days, provisional } = r.data;
  const text =
    due === today
      ? '今日到期'
      : days > 0
        ? `距今 ${days} 个工作日`
        : days < 0
          ? `已过 ${-days} 个工作日`
          : '距今 0 个工作日（中间均为休息日）';
  return (
    <Typography.Text type={days < 0 ? 'danger' : 'secondary'} data-testid="workdays-to-due">
      {text}
      {provisional ? '（该年节假日安排未载入，暂按周末计算）' : ''}
    </Typography.Text>
  );
}

/**
 * Beside a deadline field: the working days to the date chosen, or, left empty, the date the unit's
 * rules would give by urgency (so leaving it empty is an informed choice, and the deadline stays
 * extendable as a working-day one).
 */
export function DueHint({
  explicitDue,
  receivedOn,
  urgency,
  lastMilestone = null,
}: {
  explicitDue: string | null;
  receivedOn: string | null;
  urgency: Urgency;
  /** An item with milestones is due on the last one when no date is given. */
  lastMilestone?: string | null;
}) {
  const preview = useDeadlinePreview(explicitDue || lastMilestone ? null : receivedOn, urgency);
  if (explicitDue) return <WorkdaysFromToday due={explicitDue} />;
  if (lastMilestone)
    return (
      <span>
        不填则为最后节点 {lastMilestone}，<WorkdaysFromToday due={lastMilestone} />
      </span>
    );
  const p = preview.data;
  if (!p) return null;
  const how = p.policy.kind === 'same_day' ? '紧急件当日办结' : `按紧急程度为 ${p.due}`;
  return (
    <span>
      不填则{how}
      {p.provisional ? '（暂定）' : ''}，<WorkdaysFromToday due={p.due} />
    </span>
  );
}
