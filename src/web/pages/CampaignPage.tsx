import { lazy, Suspense, useState } from 'react';
import { Breadcrumb, Button, Card, Descriptions, Result, Space, Spin, Tabs, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import { can, useMe } from '../session';
import { MeasuresTab } from '../components/campaigns/MeasuresTab';
import { ComplianceTab } from '../components/campaigns/ComplianceTab';
import { ActivitiesTab } from '../components/campaigns/ActivitiesTab';
import { ObjectsTab } from '../components/campaigns/ObjectsTab';
import { ParamsModal } from '../components/campaigns/CampaignEditors';
import { LeftoversCard } from '../components/campaigns/LeftoversCard';
import { useDownload } from '../components/useWrite';
import { useCampaign } from '../queries/campaigns';

// ECharts is large: the overview loads it on demand.
const CampaignOverview = lazy(() =>
  import('../components/campaigns/CampaignOverview').then((m) => ({ default: m.CampaignOverview })),
);

/** One campaign: overview, measures and their breakdown, compliance, activities, contact objects. */
export function CampaignPage() {
  const { id } = useParams();
  const me = useMe();
  // A link from the search opens a tab (`?tab=activities`).
  const [params] = useSearchParams();
  const downloadOrToast = useDownload();
  const [editingParams, setEditingParams] = useState(false);
  const { data: c, error, isLoading } = useCampaign(id!);
  if (isLoading) return <Spin />;
  if (error || !c)
    return (
      <Result
        status="404"
        title="专项活动不存在"
        subTitle={error?.message}
        extra={<Link to="/campaigns">返回专项活动</Link>}
      />
    );
  return (
    <Card
      title={<Breadcrumb items={[{ title: <Link to="/campaigns">专项活动</Link> }, { title: c.name }]} />}
      extra={
        <Space>
          {c.can.editParams && <Button onClick={() => setEditingParams(true)}>活动参数</Button>}
          <Button
            icon={<DownloadOutlined />}
            onClick={() => downloadOrToast(`/api/campaigns/${c.id}/report.docx`, '工作情况报告.docx')}
          >
            工作情况报告
          </Button>
        </Space>
      }
    >
      <ParamsModal campaign={c} open={editingParams} onClose={() => setEditingParams(false)} />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="年度">{c.year}</Descriptions.Item>
        <Descriptions.Item label="活动期间">
          {c.startsOn} 至 {c.endsOn}
        </Descriptions.Item>
        <Descriptions.Item label="阶段">
          {c.phases.length
            ? c.phases.map((p) => (
                <Tag key={p.key}>
                  {p.title} {p.from}–{p.to}
                </Tag>
              ))
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="领导小组" span={{ xs: 1, md: 3 }}>
          {c.leadingGroup ? c.leadingGroup.members.map((m) => `${m.name}（${m.role}）`).join('、') : '未指定'}
        </Descriptions.Item>
        <Descriptions.Item label="领导小组办公室" span={{ xs: 1, md: 3 }}>
          {c.officeGroup ? c.officeGroup.members.map((m) => `${m.name}（${m.role}）`).join('、') : '未指定'}
        </Descriptions.Item>
      </Descriptions>
      <LeftoversCard campaign={c} />
      <Tabs
        destroyOnHidden
        defaultActiveKey={params.get('tab') ?? 'overview'}
        items={[
          {
            key: 'overview',
            label: '概览',
            children: (
              <Suspense fallback={<Spin />}>
                <CampaignOverview campaign={c} />
              </Suspense>
            ),
          },
          { key: 'measures', label: '措施与任务分解', children: <MeasuresTab campaign={c} /> },
          { key: 'compliance', label: '达标情况', children: <ComplianceTab campaign={c} /> },
          {
            key: 'activities',
            label: '活动记录',
            children: <ActivitiesTab campaign={c} canRecord={can(me, 'activity.record')} />,
          },
          { key: 'objects', label: '联系对象', children: <ObjectsTab manage={c.can.manageObjects} /> },
        ]}
      />
    </Card>
  );
}
