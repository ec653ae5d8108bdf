import { useState } from 'react';
import { Alert, App, Button, Descriptions, Empty, List, Select, Space, Table, Tag, Typography } from 'antd';
import { oversightPlanApi as api } from '../../../../shared/api/oversight-plan';
import type { TClusterFlag, TInspection, TPlanView } from '../../../../shared/contracts/oversight-plan';
import { call } from '../../../call';
import { INSPECTION_PLAN_KEY, useInspectionPlan, useInspections } from '../../../queries/oversight-plan';
import { shanghaiTime, shanghaiToday } from '../../../time';
import { reasonModal } from '../../ReasonPrompt';
import { keepOpenOnFailure, useAction } from '../../useWrite';
import { InspectionModal } from './InspectionModal';
import { ApproveModal, HappenedModal, SettingsModal } from './PlanDialogs';

const STATUS_COLOURS: Record<TInspection['status'], string> = {
  planned: 'blue',
  merged: 'default',
  withdrawn: 'default',
  done: 'green',
};

/** The 扎堆 found in the plan, each with its merge suggestion (draft) or the reason it was kept (approved). */
function FlagsAlert({ view, manage }: { view: TPlanView; manage: boolean }) {
  const { modal } = App.useApp();
  const act = useAction(INSPECTION_PLAN_KEY);
  const draft = view.plan?.status === 'draft';
  if (!view.flags.length)
    return (
      <Alert type="success" showIcon message="未发现“扎堆”" description={view.ruleText} style={{ marginBottom: 12 }} />
    );
  const merge = (f: TClusterFlag) =>
    modal.confirm({
      title: '合并为一次督查检查',
      content: `将${f.unitName}的${f.mergeIds.length}项督查检查合并：进驻日期取最早的一项，督查组、事项和被检查单位合在一起。`,
      okText: '合并',
      cancelText: '取消',
      onOk: () =>
        keepOpenOnFailure(
          act(() => call(api.merge, { params: { id: view.plan!.id }, body: { inspectionIds: f.mergeIds } }), '已合并'),
        ),
    });
  return (
    <Alert
      type={draft ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      message={`发现${view.flags.length}处“扎堆”${draft ? '，建议合并' : ''}`}
      description={
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {view.ruleText}
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={view.flags}
            renderItem={(f) => (
              <List.Item
                data-testid="cluster-flag"
                actions={
                  draft && manage && f.mergeIds.length > 1
                    ? [
                        <Button key="merge" size="small" onClick={() => merge(f)}>
                          合并
                        </Button>,
                      ]
                    : []
                }
              >
                <span>
                  <Tag color="orange">{f.kindLabel}</Tag>
                  {f.text}
                  {!draft && (
                    <Typography.Text type="secondary">
                      {f.keptReason ? `（批准时保留，理由：${f.keptReason}）` : '（批准后登记的督查检查所致）'}
                    </Typography.Text>
                  )}
                </span>
              </List.Item>
            )}
          />
        </>
      }
    />
  );
}

function InspectionsTable({ view, manage }: { view: TPlanView; manage: boolean }) {
  const { modal } = App.useApp();
  const plan = view.plan!;
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<TInspection | null | 'new'>(null);
  const [happened, setHappened] = useState<TInspection | null>(null);
  const { data, isFetching } = useInspections(plan.id, page);
  const act = useAction(INSPECTION_PLAN_KEY);
  const draft = plan.status === 'draft';
  const withdraw = (i: TInspection) =>
    modal.confirm(
      reasonModal(`撤销督查检查“${i.subject}”`, (reason) =>
        keepOpenOnFailure(
          act(() => call(api.withdraw, { params: { id: i.id }, body: { reason, version: i.version } }), '已撤销'),
        ),
      ),
    );
  return (
    <>
      {manage && (
        <Button type={draft ? 'primary' : 'default'} style={{ marginBottom: 12 }} onClick={() => setEditing('new')}>
          {draft ? '新增督查检查' : '登记计划外督查检查'}
        </Button>
      )}
      <Table<TInspection>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: draft ? '计划中还没有督查检查，请新增' : '计划中没有督查检查' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        columns={[
          { title: '进驻日期', dataIndex: 'startsOn', width: 110 },
          {
            title: '督查检查事项',
            key: 'subject',
            render: (_, i) => (
              <Space direction="vertical" size={0}>
                <span>{i.subject}</span>
                {i.withdrawnReason && (
                  <Typography.Text type="secondary">{`撤销原因：${i.withdrawnReason}`}</Typography.Text>
                )}
                {i.mergedInto && (
                  <Typography.Text type="secondary">已并入同一项合并中进驻最早的督查检查</Typography.Text>
                )}
                {i.unplannedReason && (
                  <Typography.Text type="secondary">{`计划外：${i.unplannedReason}`}</Typography.Text>
                )}
                {i.happenedSummary && (
                  <Typography.Text type="secondary">{`开展情况（${i.happenedFrom}至${i.happenedTo}）：${i.happenedSummary}`}</Typography.Text>
                )}
              </Space>
            ),
          },
          { title: '类别', dataIndex: 'kindLabel', width: 60 },
          { title: '督查组', dataIndex: 'team', width: 160 },
          { title: '被检查单位', key: 'units', render: (_, i) => i.units.map((u) => u.name).join('、') },
          {
            title: '状态',
            key: 'status',
            width: 80,
            render: (_, i) => <Tag color={STATUS_COLOURS[i.status]}>{i.statusLabel}</Tag>,
          },
          ...(manage
            ? [
                {
                  title: '操作',
                  key: 'ops',
                  width: 130,
                  render: (_: unknown, i: TInspection) =>
                    i.status !== 'planned' ? null : draft ? (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => setEditing(i)}>
                          修改
                        </Button>
                        <Button type="link" size="small" danger onClick={() => withdraw(i)}>
                          撤销
                        </Button>
                      </Space>
                    ) : (
                      <Button type="link" size="small" onClick={() => setHappened(i)}>
                        登记开展情况
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <InspectionModal
          planId={plan.id}
          year={plan.year}
          approved={!draft}
          inspection={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {happened && <HappenedModal inspection={happened} onClose={() => setHappened(null)} />}
    </>
  );
}

/**
 * 督查检查计划 (measures 35 and 39): the upper level's year plan of inspections. The 督查室 drafts it, sees each
 * 扎堆 with a merge suggestion, and approves it; after that only what happened is recorded. Overseers read it.
 */
export function InspectionPlanTab() {
  const thisYear = Number(shanghaiToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [dialog, setDialog] = useState<'settings' | 'approve' | null>(null);
  const { data: view, isLoading } = useInspectionPlan(year);
  const act = useAction(INSPECTION_PLAN_KEY);
  const manage = !!view?.can.manage;
  const plan = view?.plan;
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          aria-label="年度"
          style={{ width: 110 }}
          value={year}
          onChange={setYear}
          options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: `${y}年度` }))}
        />
        {plan && <Tag color={plan.status === 'approved' ? 'green' : 'gold'}>{plan.statusLabel}</Tag>}
        {plan?.approvedAt && (
          <Typography.Text type="secondary">{`${plan.approvedByName ?? ''}于${shanghaiTime(plan.approvedAt, 'minute')}批准`}</Typography.Text>
        )}
        {manage && plan?.status === 'draft' && (
          <>
            <Button onClick={() => setDialog('settings')}>扎堆设置</Button>
            <Button type="primary" onClick={() => setDialog('approve')}>
              批准计划
            </Button>
          </>
        )}
      </Space>
      {!isLoading && view && !plan && (
        <Empty description={`${year}年度还没有督查检查计划`}>
          {manage && (
            <Button type="primary" onClick={() => act(() => call(api.create, { body: { year } }), '已新建计划草稿')}>
              新建{year}年度计划
            </Button>
          )}
        </Empty>
      )}
      {view && plan && (
        <>
          <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="时段">{`${plan.settings.windowWorkingDays}个工作日内至多${plan.settings.maxWithinWindow}次`}</Descriptions.Item>
            <Descriptions.Item label="年控">{`每个单位${plan.settings.yearQuota}次`}</Descriptions.Item>
            <Descriptions.Item label="月控">{`每个单位${plan.settings.monthQuota}次`}</Descriptions.Item>
            <Descriptions.Item label="同周">不同督查组不在同一周进驻</Descriptions.Item>
          </Descriptions>
          <FlagsAlert view={view} manage={manage} />
          <InspectionsTable key={plan.id} view={view} manage={manage} />
          {dialog === 'settings' && <SettingsModal plan={plan} onClose={() => setDialog(null)} />}
          {dialog === 'approve' && <ApproveModal view={view} onClose={() => setDialog(null)} />}
        </>
      )}
    </>
  );
}
