import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { supervisionApi as api } from '../../../shared/api/supervision';
import { call } from '../../call';
import { COLOUR_TAGS, ITEM_STATUS_LABELS } from '../../labels';
import { useItemWrite } from '../../queries/supervision';
import type { Workbench } from '../../types';
import { CampaignRisk } from './CampaignRisk';
import { FigureGrid } from './FigureGrid';

type Office = NonNullable<Workbench['sections']['office']>;

const CHASE_MESSAGE = '请抓紧办理，按时办结并及时报送进展。';

/** 领导小组办公室: the unit's figures, then today's list (overdue and due today) with one-click 催办. */
export function OfficeSection({ office, onOpen }: { office: Office; onOpen: (id: string) => void }) {
  const write = useItemWrite();
  const chase = (id: string) =>
    write(() => call(api.chase, { body: { itemIds: [id], message: CHASE_MESSAGE } }), '已催办');
  return (
    <Card title="领导小组办公室 · 全单位督办" data-testid="office-section">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <FigureGrid figures={office.figures} prefix="office" />
        <CampaignRisk campaign={office.campaign} />
        <div>
          <Typography.Title level={5}>今日待办（逾期及今天到期）</Typography.Title>
          <List
            data-testid="office-today"
            size="small"
            locale={{ emptyText: '今天没有逾期或到期的事项' }}
            dataSource={office.today}
            renderItem={(i) => (
              <List.Item
                actions={
                  i.canChase
                    ? [
                        <Button key="chase" size="small" onClick={() => chase(i.id)}>
                          催办
                        </Button>,
                      ]
                    : []
                }
              >
                <Space wrap size={4}>
                  <Tag color={COLOUR_TAGS[i.colour]!.color}>{COLOUR_TAGS[i.colour]!.label}</Tag>
                  <Typography.Link onClick={() => onOpen(i.id)}>{i.title}</Typography.Link>
                  <Typography.Text type="secondary">
                    {i.departmentName ?? '—'} · {i.ownerName ?? '—'} · 时限 {i.due} · {ITEM_STATUS_LABELS[i.status]}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </div>
      </Space>
    </Card>
  );
}
