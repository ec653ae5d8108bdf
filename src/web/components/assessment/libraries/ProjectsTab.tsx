import { useState } from 'react';
import { Button, Card, Col, Input, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { TProject } from '../../../../shared/contracts/assessment-projects';
import { PROJECT_STAGE_LABELS, PROJECT_STAGES, type ProjectStage } from '../../../../domain/projects';
import { mayCreateFor, projectsPolicy } from '../../../../domain/policies/project';
import { useDepartments } from '../../../queries/org';
import { useProjects, useProjectSummary, type ProjectFilter } from '../../../queries/assessment-libraries';
import { useMe } from '../../../session';
import { useDownload } from '../../useWrite';
import { ProjectDrawer, wan } from './ProjectDrawer';
import { ProjectForm } from './ProjectForm';

type Grants = Parameters<typeof projectsPolicy>[0]['grants'];

/** The summary cards: live projects by stage (count, funding sought and obtained) and in total. */
function Summary({ onStage }: { onStage: (s: ProjectStage) => void }) {
  const { data } = useProjectSummary();
  if (!data) return null;
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 8 }}>
        {data.stages.map((s) => (
          <Col key={s.stage} xs={12} sm={8} md={4}>
            <Card size="small" hoverable onClick={() => onStage(s.stage)} data-testid={`stage-${s.stage}`}>
              <Statistic title={s.label} value={s.count} suffix="个" />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                争取 {wan(s.fundingSought)}
                <br />
                到位 {wan(s.fundingObtained)}
              </Typography.Text>
            </Card>
          </Col>
        ))}
        <Col xs={12} sm={8} md={4}>
          <Card size="small" style={{ background: '#f6ffed' }}>
            <Statistic title="合计" value={data.total.count} suffix="个" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              争取 {wan(data.total.fundingSought)}
              <br />
              到位 {wan(data.total.fundingObtained)}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      {data.departments.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          按科室：
          {data.departments
            .map(
              (d) => `${d.departmentName} ${d.count}个（争取 ${wan(d.fundingSought)}，到位 ${wan(d.fundingObtained)}）`,
            )
            .join('；')}
        </Typography.Paragraph>
      )}
    </>
  );
}

/** “争资争项”项目库 (measure 6): everyone of the unit reads; the office and department heads register projects. */
export function ProjectsTab() {
  const me = useMe();
  const grants = { grants: me.grants as unknown as Grants };
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [f, setF] = useState<ProjectFilter>({});
  const [editing, setEditing] = useState<TProject | 'new' | null>(null);
  const { data, isFetching } = useProjects(page, f);
  const { data: depts } = useDepartments();
  const download = useDownload();
  const filter = (next: Partial<ProjectFilter>) => (setF({ ...f, ...next }), setPage(1));
  const open = params.get('id');
  const setOpen = (id: string | null) =>
    setParams(id ? { tab: 'projects', id } : { tab: 'projects' }, { replace: true });
  const heads = (depts ?? []).filter((d) => mayCreateFor(grants, d.id)).map((d) => d.id);
  const office = me.grants.some((g) => g.role === 'campaign_office');
  const query = new URLSearchParams(Object.entries(f).filter(([, v]) => v) as [string, string][]).toString();
  return (
    <>
      <Summary onStage={(stage) => filter({ stage })} />
      <Space style={{ marginBottom: 12 }} wrap>
        {projectsPolicy(grants).create && (
          <Button type="primary" onClick={() => setEditing('new')}>
            登记项目
          </Button>
        )}
        <Select
          allowClear
          placeholder="全部阶段"
          style={{ width: 120 }}
          value={f.stage}
          onChange={(stage) => filter({ stage })}
          options={PROJECT_STAGES.map((s) => ({ value: s, label: PROJECT_STAGE_LABELS[s] }))}
        />
        <Select
          allowClear
          placeholder="全部科室"
          style={{ width: 160 }}
          value={f.departmentId}
          onChange={(departmentId) => filter({ departmentId })}
          options={(depts ?? []).map((d) => ({ value: d.id, label: d.name }))}
        />
        <Input.Search
          allowClear
          placeholder="标签"
          style={{ width: 140 }}
          onSearch={(tag) => filter({ tag: tag || undefined })}
        />
        <Input.Search
          allowClear
          placeholder="搜索项目名称、简介"
          style={{ width: 220 }}
          onSearch={(q) => filter({ q: q || undefined })}
        />
        <Select
          style={{ width: 120 }}
          value={f.withdrawn ?? 'live'}
          onChange={(w) => filter({ withdrawn: w === 'live' ? undefined : (w as 'include' | 'only') })}
          options={[
            { value: 'live', label: '有效项目' },
            { value: 'include', label: '含已撤销' },
            { value: 'only', label: '仅已撤销' },
          ]}
        />
        <Button onClick={() => download(`/api/assessment/projects.xlsx${query ? `?${query}` : ''}`, '项目库.xlsx')}>
          导出 Excel
        </Button>
      </Space>
      <Table<TProject>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        locale={{
          emptyText: Object.keys(f).some((k) => f[k as keyof ProjectFilter]) ? '没有符合条件的项目' : '项目库尚无项目',
        }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        onRow={(p) => ({ onClick: () => setOpen(p.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: '项目名称',
            key: 'name',
            render: (_, p) => (
              <span>
                <a>{p.name}</a>{' '}
                {p.tags.map((t) => (
                  <Tag key={t}>{t}</Tag>
                ))}
                {p.withdrawnReason && <Tag>{`已撤销：${p.withdrawnReason}`}</Tag>}
              </span>
            ),
          },
          { title: '阶段', dataIndex: 'stageLabel', width: 70, render: (s: string) => <Tag color="blue">{s}</Tag> },
          { title: '争取资金', dataIndex: 'fundingSought', width: 130, align: 'right', render: wan },
          { title: '到位资金', dataIndex: 'fundingObtained', width: 130, align: 'right', render: wan },
          { title: '责任科室', dataIndex: 'departmentName', width: 130, render: (n: string | null) => n ?? '—' },
          { title: '负责人', dataIndex: 'ownerName', width: 80, render: (n: string | null) => n ?? '—' },
          { title: '任务', dataIndex: 'taskCount', width: 60 },
        ]}
      />
      <ProjectDrawer id={open} onClose={() => setOpen(null)} onEdit={(p) => setEditing(p)} />
      {editing && (
        <ProjectForm
          project={editing === 'new' ? null : editing}
          departmentIds={office ? 'all' : heads}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
