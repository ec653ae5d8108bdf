import { Tag, Timeline, Typography } from 'antd';
import type { ResponseOf } from '../../../shared/api/endpoint';
import type { supervisionApi } from '../../../shared/api/supervision';
import { ACTION_LABELS } from '../../labels';
import { shanghaiTime } from '../../time';

type TimelineEntry = ResponseOf<typeof supervisionApi.item>['timeline'][number];

/** 办理记录: every action on the item, who took it, when, and its reason, result or new deadline. */
export function ItemTimeline({ timeline }: { timeline: TimelineEntry[] }) {
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        办理记录
      </Typography.Title>
      <Timeline
        data-testid="item-timeline"
        items={timeline.map((e) => ({
          key: e.seq,
          content: (
            <span>
              <Tag>{ACTION_LABELS[e.action] ?? e.action}</Tag>
              {e.actorName} · {shanghaiTime(e.at, 'short')}
              {reasonOf(e.after)}
            </span>
          ),
        }))}
      />
    </>
  );
}

function reasonOf(after: unknown): string {
  const a = (after ?? {}) as { reason?: string; result?: string; due?: string; milestone?: string };
  return a.milestone
    ? `：${a.milestone}`
    : a.reason
      ? `：${a.reason}`
      : a.result
        ? `：${a.result}`
        : a.due
          ? `：期限 ${a.due}`
          : '';
}
