import { List, Space, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { ZDecisionView } from '../../../shared/contracts/decisions';
import { COLOUR_TAGS } from '../../labels';

type Decision = z.infer<typeof ZDecisionView>;

/**
 * 议定事项 with their supervised items' state (status, colour, last progress), each opening its item in the
 * item drawer over this page (`?item=`, as a reminder's link does) — the same drawer the ledger opens.
 */
export function DecisionList({ decisions, empty }: { decisions: Decision[]; empty: string }) {
  const [, setParams] = useSearchParams();
  const openItem = (id: string) =>
    setParams((p) => {
      p.set('item', id);
      return p;
    });
  return (
    <List<Decision>
      size="small"
      dataSource={decisions}
      locale={{ emptyText: empty }}
      renderItem={(d, i) => (
        <List.Item
          data-testid="meeting-decision"
          actions={[
            <a key="open" onClick={() => openItem(d.itemId)}>
              督办事项
            </a>,
          ]}
        >
          <List.Item.Meta
            title={
              <Space wrap size={4}>
                <span>
                  {i + 1}. {d.text}
                </span>
                <Tag color="processing">{d.statusLabel}</Tag>
                {d.colour !== 'none' && <Tag color={COLOUR_TAGS[d.colour]!.color}>{COLOUR_TAGS[d.colour]!.label}</Tag>}
              </Space>
            }
            description={
              <>
                <div>
                  责任人 {d.ownerName ?? '—'} · 牵头 {d.departmentName ?? '—'}
                  {d.leaderName ? ` · 分管领导 ${d.leaderName}` : ''} · 时限 {d.due}
                </div>
                {d.lastProgress ? (
                  <Typography.Text type="secondary">
                    最近进展（{d.lastProgress.on}，{d.lastProgress.percent}%）：{d.lastProgress.text}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary">尚未报告进展</Typography.Text>
                )}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
