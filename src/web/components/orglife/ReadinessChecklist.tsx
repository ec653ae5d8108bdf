import { Alert, Card, List, Tag, Typography } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { MeetingOpinionForm } from './MeetingOpinionForm';
import type { Meeting } from './types';

/**
 * 会前准备: the readiness checklist the server computes from the records (domain/meeting-readiness),
 * and, once held, the gaps it was held with and who confirmed it.
 */
export function ReadinessChecklist({ meeting }: { meeting: Meeting }) {
  const r = meeting.readiness;
  const o = meeting.holdOverride;
  if (meeting.status === 'held')
    return o ? (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={`召开时尚有${o.gaps.join('、')}，经${o.by}确认召开`}
        description={`理由：${o.reason}`}
      />
    ) : null;
  return (
    <Card
      size="small"
      title="会前准备检查"
      extra={r.ready ? <Tag color="success">已就绪</Tag> : <Tag color="warning">尚有 {r.gaps.length} 项未完成</Tag>}
      style={{ marginBottom: 12 }}
      aria-label="会前准备检查"
    >
      <List
        size="small"
        dataSource={r.checks}
        renderItem={(c) => (
          <List.Item extra={c.key === 'opinions' && <MeetingOpinionForm meeting={meeting} />}>
            <List.Item.Meta
              avatar={
                c.done ? (
                  <CheckCircleOutlined style={{ color: '#52c41a' }} />
                ) : (
                  <ExclamationCircleOutlined style={{ color: '#faad14' }} />
                )
              }
              title={c.label}
              description={
                <>
                  {c.detail}
                  {!c.done && <Typography.Text type="warning">（{c.gap}）</Typography.Text>}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
