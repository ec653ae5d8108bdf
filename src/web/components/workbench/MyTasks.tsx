import { Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { COLOUR_TAGS, ITEM_STATUS_LABELS } from '../../labels';
import type { Workbench } from '../../types';

type Member = NonNullable<Workbench['sections']['member']>;
type Task = Member['tasks'][number];

/** The deadline in words a phone reader takes in at a glance: days left, today, or days late. */
function daysLeft(t: Task) {
  if (t.workingDaysLeft < 0) return <Typography.Text type="danger">逾期 {-t.workingDaysLeft} 个工作日</Typography.Text>;
  if (t.workingDaysLeft === 0) return <Typography.Text type="warning">今天到期</Typography.Text>;
  return <Typography.Text>剩 {t.workingDaysLeft} 个工作日</Typography.Text>;
}

/** 我的任务: one card per open item (title, 办理时限 with working days left, status, colour), soonest first. */
export function MyTasks({ member, onOpen }: { member: Member; onOpen: (id: string) => void }) {
  return (
    <Card title={`我的任务（${member.total}）`} data-testid="my-tasks" styles={{ body: { padding: 12 } }}>
      {member.tasks.length === 0 ? (
        <Empty description="暂无待办任务" />
      ) : (
        <Row gutter={[12, 12]}>
          {member.tasks.map((t) => (
            <Col key={t.id} xs={24} md={12} xl={8}>
              <Card
                size="small"
                hoverable
                data-testid="task-card"
                onClick={() => onOpen(t.id)}
                style={{ borderInlineStart: `4px solid ${colourBar(t.colour)}` }}
              >
                <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
                  {t.title}
                </Typography.Text>
                <Space wrap size={4}>
                  <Tag color={COLOUR_TAGS[t.colour]!.color}>{COLOUR_TAGS[t.colour]!.label}</Tag>
                  <Tag>{ITEM_STATUS_LABELS[t.status]}</Tag>
                  <span>
                    办理时限 {t.due}
                    {t.provisional ? '（暂定）' : ''}
                  </span>
                  {daysLeft(t)}
                </Space>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}

const colourBar = (c: string) =>
  c === 'red' ? '#c0392b' : c === 'yellow' ? '#faad14' : c === 'green' ? '#52c41a' : '#d9d9d9';
