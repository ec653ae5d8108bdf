import { Card, Col, Descriptions, Empty, Row, Skeleton, Statistic, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { get } from '../api';
import { useMe } from '../session';

interface Workbench {
  me: { displayName: string; personName: string | null; departmentName: string | null; position: string | null };
  unitStats: { inService: number; partyMembers: number; leadership: number; departments: number };
}

export function WorkbenchPage() {
  const me = useMe();
  const { data, isLoading } = useQuery({ queryKey: ['workbench'], queryFn: () => get<Workbench>('/api/workbench') });
  if (isLoading || !data) return <Skeleton active />;
  const s = data.unitStats;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card title="我的信息">
          <Descriptions column={1} size="small">
            <Descriptions.Item label="姓名">{data.me.personName ?? data.me.displayName}</Descriptions.Item>
            <Descriptions.Item label="科室">{data.me.departmentName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="职务">{data.me.position || '—'}</Descriptions.Item>
            <Descriptions.Item label="角色">{me.grants.map((g) => <Tag key={g.id}>{g.roleLabel}{g.scopeType !== 'unit' ? `（${g.scopeName}）` : ''}</Tag>)}</Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card title="本单位概况">
          <Row gutter={16}>
            <Col span={12} md={6}><Statistic title="在职人员" value={s.inService} /></Col>
            <Col span={12} md={6}><Statistic title="在职党员" value={s.partyMembers} /></Col>
            <Col span={12} md={6}><Statistic title="班子成员" value={s.leadership} /></Col>
            <Col span={12} md={6}><Statistic title="科室（中心）" value={s.departments} /></Col>
          </Row>
        </Card>
      </Col>
      <Col span={24}>
        <Card title="我的待办">
          <Empty description="暂无待办事项。督办事项、专项任务上线后将在这里列出。" />
        </Card>
      </Col>
    </Row>
  );
}
