import { Card, Col, Empty, Row, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import type { ResponseOf } from '../../shared/api/endpoint';
import type { orgApi } from '../../shared/api/org';
import { can, useMe } from '../session';
import { GROUP_KIND_LABELS } from '../labels';
import { DepartmentsAdmin } from '../components/DepartmentsAdmin';
import { PostsAdmin } from '../components/PostsAdmin';
import { GroupsAdmin } from '../components/GroupsAdmin';
import { UnavailabilityAdmin } from '../components/UnavailabilityAdmin';
import { useOrgChart } from '../queries/org';

type ChartPerson = ResponseOf<typeof orgApi.chart>['leadership'][number];

const PersonTag = ({ p }: { p: ChartPerson }) => (
  <Tag color={p.isPartyMember ? 'red' : undefined} style={{ marginBottom: 4 }}>
    {p.name}
    {p.position ? ` · ${p.position}` : ''}
  </Tag>
);

function Chart() {
  const { data, isLoading } = useOrgChart();
  if (isLoading || !data) return <Skeleton active />;
  return (
    <div data-testid="org-chart">
      <Card size="small" style={{ textAlign: 'center', marginBottom: 12, background: '#fff7f5' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {data.unit.name}
        </Typography.Title>
      </Card>
      <Card size="small" title="领导班子" style={{ marginBottom: 12 }}>
        {data.leadership.length ? (
          data.leadership.map((p) => <PersonTag key={p.id} p={p} />)
        ) : (
          <Empty description="未设置班子成员" />
        )}
      </Card>
      <Row gutter={[12, 12]}>
        {data.departments.map((d) => (
          <Col key={d.id} xs={24} sm={12} lg={8}>
            <Card size="small" title={`${d.name}（${d.people.length}人）`}>
              {d.people.length ? (
                d.people.map((p) => <PersonTag key={p.id} p={p} />)
              ) : (
                <Typography.Text type="secondary">暂无人员</Typography.Text>
              )}
            </Card>
          </Col>
        ))}
        {data.unassigned.length > 0 && (
          <Col xs={24} sm={12} lg={8}>
            <Card size="small" title="未分配科室">
              {data.unassigned.map((p) => (
                <PersonTag key={p.id} p={p} />
              ))}
            </Card>
          </Col>
        )}
      </Row>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        {data.groups.map((g) => (
          <Col key={g.id} xs={24} lg={12}>
            <Card
              size="small"
              title={
                <Space>
                  {g.name}
                  <Tag>{GROUP_KIND_LABELS[g.kind]}</Tag>
                </Space>
              }
            >
              {g.members.map((m) => (
                <Tag key={m.personId} style={{ marginBottom: 4 }}>
                  {m.roleInGroup}：{m.personName}
                </Tag>
              ))}
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        红色标签为中共党员。
      </Typography.Paragraph>
    </div>
  );
}

export function OrgChartPage() {
  const me = useMe();
  const write = can(me, 'org.write');
  return (
    <Card title="组织架构">
      <Tabs
        items={[
          { key: 'chart', label: '架构图', children: <Chart /> },
          { key: 'departments', label: '科室（中心）', children: <DepartmentsAdmin canWrite={write} /> },
          { key: 'posts', label: 'AB岗', children: <PostsAdmin canWrite={write} /> },
          { key: 'groups', label: '领导小组与专班', children: <GroupsAdmin canWrite={write} /> },
          { key: 'away', label: '不在岗（B岗代办）', children: <UnavailabilityAdmin /> },
        ]}
      />
    </Card>
  );
}
