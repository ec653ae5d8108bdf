import { useState, type ReactNode } from 'react';
import { App, Button, Card, Empty, InputNumber, Progress, Space, Statistic, Table, Tag, Tooltip } from 'antd';
import type { ResponseOf } from '../../../shared/api/endpoint';
import { AUDIENCES } from '../../../shared/contracts/discipline-holiday';
import { call } from '../../call';
import { disciplineHolidayApi as api, EDUCATION_KEY, useEducationPlan } from '../../queries/discipline-holiday';
import { reasonModal } from '../ReasonPrompt';
import { useAction } from '../useWrite';
import { AddSession, LinkActivity } from './EducationModals';

type Plan = NonNullable<ResponseOf<typeof api.plan>['plan']>;
type Session = Plan['sessions'][number];

/** 廉政教育 (measure 22): the year's plan, its sessions, and progress counted from the linked activity records. */
export function EducationTab() {
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, isLoading } = useEducationPlan(year);
  const act = useAction(EDUCATION_KEY);
  const yearPicker = (
    <Space>
      年度
      <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
    </Space>
  );
  if (isLoading || !data) return <Card loading size="small" />;
  if (!data.plan)
    return (
      <Card size="small" title="廉政教育计划" extra={yearPicker}>
        <Empty description={`${year}年尚未制定廉政教育计划`}>
          {data.can.manage && (
            <Button
              type="primary"
              onClick={() =>
                act(() => call(api.createPlan, { body: { year, title: `${year}年廉政教育计划` } }), '计划已建立')
              }
            >
              制定{year}年计划
            </Button>
          )}
        </Empty>
      </Card>
    );
  return <PlanView plan={data.plan} manage={data.can.manage} extra={yearPicker} />;
}

function Figure({ title, f }: { title: string; f: Plan['figures']['held'] }) {
  return (
    <Tooltip title={f.explanation}>
      <div style={{ minWidth: 180 }}>
        <Statistic title={title} value={f.value} suffix={`/ ${f.of}`} />
        <Progress percent={f.of ? Math.floor((f.value * 100) / f.of) : 0} size="small" />
      </div>
    </Tooltip>
  );
}

function PlanView({ plan, manage, extra }: { plan: Plan; manage: boolean; extra: ReactNode }) {
  const [adding, setAdding] = useState(false);
  const [linking, setLinking] = useState<Session | null>(null);
  const { modal } = App.useApp();
  const act = useAction(EDUCATION_KEY);
  const { coverage } = plan.figures;
  return (
    <Card size="small" title={plan.title} extra={extra}>
      <Space size="large" wrap align="start">
        <Figure title="已开展 / 计划场次" f={plan.figures.held} />
        <Figure title="参加人次 / 应参加" f={plan.figures.attendance} />
        <div>
          <Figure title="政治家访覆盖" f={coverage} />
          {coverage.missing.length > 0 && (
            <div style={{ maxWidth: 320 }}>未走访：{coverage.missing.map((m) => m.name).join('、')}</div>
          )}
        </div>
      </Space>
      {plan.months.length > 0 && (
        <Table
          style={{ marginTop: 16 }}
          rowKey="month"
          size="small"
          pagination={false}
          dataSource={plan.months}
          columns={[
            { title: '月份', render: (_, m) => `${m.month}月` },
            { title: '计划', dataIndex: 'planned' },
            { title: '已开展', dataIndex: 'held' },
          ]}
        />
      )}
      <Space style={{ margin: '16px 0 8px' }}>
        {manage && (
          <Button type="primary" size="small" onClick={() => setAdding(true)}>
            增加场次
          </Button>
        )}
      </Space>
      <Table
        rowKey="id"
        size="small"
        pagination={{ pageSize: 20 }}
        dataSource={plan.sessions}
        locale={{ emptyText: <Empty description="计划中还没有场次" /> }}
        columns={[
          { title: '月份', render: (_, s) => `${s.month}月` },
          { title: '类别', dataIndex: 'kindLabel' },
          { title: '主题', dataIndex: 'topic' },
          {
            title: '对象',
            render: (_, s) =>
              s.kind === 'political_home_visit'
                ? s.cadres.map((c) => (
                    <Tag key={c.id} color={c.visited ? 'green' : 'default'}>
                      {c.name}
                      {c.visited ? '（已访）' : ''}
                    </Tag>
                  ))
                : s.audience === 'department'
                  ? s.departmentName
                  : AUDIENCES[s.audience as keyof typeof AUDIENCES],
          },
          {
            title: '开展情况',
            render: (_, s) =>
              s.activities.length ? (
                s.activities.map((a) => (
                  <div key={a.id}>{`${a.heldOn} ${a.title}（参加 ${a.present}/${a.expected}）`}</div>
                ))
              ) : (
                <Tag>未开展</Tag>
              ),
          },
          {
            title: '操作',
            render: (_, s) =>
              manage && (
                <Space>
                  <Button size="small" onClick={() => setLinking(s)}>
                    关联活动
                  </Button>
                  <Button
                    size="small"
                    type="link"
                    danger
                    onClick={() =>
                      modal.confirm(
                        reasonModal('撤销该场次', async (reason) => {
                          await act(
                            () => call(api.withdrawSession, { params: { id: s.id }, body: { reason } }),
                            '已撤销',
                          );
                        }),
                      )
                    }
                  >
                    撤销
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {adding && <AddSession planId={plan.id} onClose={() => setAdding(false)} />}
      {linking && <LinkActivity session={linking} onClose={() => setLinking(null)} />}
    </Card>
  );
}
