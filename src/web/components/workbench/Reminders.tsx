import { Card, List, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useInbox } from '../../queries/notifications';
import { shanghaiTime } from '../../time';

/** Unread reminders (the bell's inbox), then the member's self-check list and talks in the org-life pages. */
export function Reminders({ onOpen }: { onOpen: (id: string) => void }) {
  const { data } = useInbox(true);
  return (
    <Card title={`未读提醒（${data?.unread ?? 0}）`} data-testid="reminders" styles={{ body: { padding: 12 } }}>
      <List
        size="small"
        locale={{ emptyText: '没有未读提醒' }}
        dataSource={(data?.items ?? []).slice(0, 5)}
        renderItem={(n) => (
          <List.Item>
            <Space orientation="vertical" size={0}>
              {n.itemId ? (
                <Typography.Link onClick={() => onOpen(n.itemId!)}>{n.title}</Typography.Link>
              ) : (
                <Typography.Text>{n.title}</Typography.Text>
              )}
              <Typography.Text type="secondary">{shanghaiTime(n.createdAt)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Space wrap style={{ marginTop: 8 }}>
        <Link to="/org-life">我的自查清单</Link>
        <Link to="/org-life">谈心谈话</Link>
      </Space>
    </Card>
  );
}
