import { Button, Popconfirm, Steps } from 'antd';
import type { ItemDetail } from '../../types';

/** 节点: each step with its date; the owner marks the next open one done. */
export function MilestoneList({
  item,
  canComplete,
  onComplete,
}: {
  item: ItemDetail;
  canComplete: boolean;
  onComplete: (milestoneId: string) => void;
}) {
  if (item.milestones.length === 0) return null;
  const next = item.milestones.find((m) => !m.doneOn);
  return (
    <Steps
      orientation="vertical"
      size="small"
      current={next ? item.milestones.indexOf(next) : item.milestones.length}
      style={{ marginTop: 8 }}
      items={item.milestones.map((m) => ({
        title: m.title,
        status: m.doneOn ? 'finish' : m === next ? (item.colour === 'red' ? 'error' : 'process') : 'wait',
        content: (
          <span>
            时限 {m.due}
            {m.doneOn ? `，${m.doneOn} 完成${m.doneNote ? `：${m.doneNote}` : ''}` : ''}
            {canComplete && m === next && (
              <Popconfirm
                title={`确认“${m.title}”已完成？`}
                okText="确认"
                cancelText="取消"
                onConfirm={() => onComplete(m.id)}
              >
                <Button size="small" type="link" data-testid="item-action-completeMilestone">
                  标记完成
                </Button>
              </Popconfirm>
            )}
          </span>
        ),
      }))}
    />
  );
}
