import { Card, Empty, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Workbench } from '../../types';

type Branch = NonNullable<Workbench['sections']['branch']>;

/** 支部书记: the organizational life meeting being prepared, and what its preparation still lacks. */
export function BranchSection({ branch }: { branch: Branch }) {
  const m = branch.meeting;
  return (
    <Card title="组织生活会准备" data-testid="branch-section" extra={<Link to="/org-life">组织生活会</Link>}>
      {!m ? (
        <Empty description="暂无正在准备的组织生活会" />
      ) : (
        <>
          <Typography.Paragraph>
            <Link to={`/org-life/${m.id}`}>{m.title}</Link>
            {m.plannedOn ? `（计划 ${m.plannedOn}）` : ''}{' '}
            {m.ready ? <Tag color="green">会前准备已完成</Tag> : <Tag color="gold">会前准备未完成</Tag>}
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={m.checks}
            renderItem={(c) => (
              <List.Item>
                <Tag color={c.done ? 'green' : 'gold'}>{c.done ? '已完成' : '待办'}</Tag>
                {c.label}：{c.done ? c.detail : c.gap}
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
