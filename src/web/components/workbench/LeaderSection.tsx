import { Button, Card, List, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Workbench } from '../../types';
import { CampaignRisk } from './CampaignRisk';
import { FigureGrid } from './FigureGrid';

type Leader = NonNullable<Workbench['sections']['leader']>;

/** 党组书记 / 班子成员: figures on top, then what waits for their decision, their departments, the campaign. */
export function LeaderSection({ leader, onOpen }: { leader: Leader; onOpen: (id: string) => void }) {
  return (
    <Card title="分管工作" data-testid="leader-section">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <FigureGrid figures={leader.figures} prefix="leader" />
        <div>
          <Typography.Title level={5}>待我审批的延期申请</Typography.Title>
          <List
            data-testid="leader-approvals"
            size="small"
            locale={{ emptyText: '暂无待审批的延期申请' }}
            dataSource={leader.approvals}
            renderItem={(i) => (
              <List.Item
                actions={
                  i.canDecideExtension
                    ? [
                        <Button key="decide" type="primary" size="small" onClick={() => onOpen(i.id)}>
                          审批
                        </Button>,
                      ]
                    : []
                }
              >
                <Space wrap size={4}>
                  <Typography.Link onClick={() => onOpen(i.id)}>{i.title}</Typography.Link>
                  <Typography.Text type="secondary">
                    {i.ownerName ?? '—'} 申请延期 {i.extension.extraDays} 个工作日（现时限 {i.due}）：
                    {i.extension.reason}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </div>
        {leader.departments.length > 0 && (
          <Table
            data-testid="leader-departments"
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={leader.departments}
            columns={[
              { title: '科室', dataIndex: 'name', render: (n, d) => <Link to={d.to}>{n}</Link> },
              { title: '在办', dataIndex: 'open', width: 70 },
              {
                title: '逾期',
                dataIndex: 'overdue',
                width: 70,
                render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0),
              },
              {
                title: '按时办结率',
                dataIndex: 'onTimeRate',
                width: 110,
                render: (r: number | null) => (r === null ? '—' : `${r}%`),
              },
            ]}
          />
        )}
        <CampaignRisk campaign={leader.campaign} />
      </Space>
    </Card>
  );
}
