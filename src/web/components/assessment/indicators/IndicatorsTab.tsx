import { useState } from 'react';
import { App, Button, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { assessmentIndicatorsApi as api } from '../../../../shared/api/assessment-indicators';
import type { TIndicator } from '../../../../shared/contracts/assessment-indicators';
import { DIRECTION_LABELS, OWNER_KIND_LABELS, PERIOD_KIND_LABELS, SOURCE_LABELS } from '../../../../domain/indicators';
import { call } from '../../../call';
import { INDICATORS_KEY, useIndicators, type IndicatorQuery } from '../../../queries/assessment-indicators';
import { useDepartments } from '../../../queries/org';
import { reasonModal } from '../../ReasonPrompt';
import { keepOpenOnFailure, useAction } from '../../useWrite';
import { IndicatorDrawer } from './IndicatorDrawer';
import { IndicatorForm } from './IndicatorForm';
import { IndicatorTrend, ValueTag } from './IndicatorTrend';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

const EXPLAINED =
  '考核指标把专项活动的措施细化、量化到科室和个人：每项指标有目标值、计量单位和考核周期。' +
  '按时办结率、逾期件数、漏报次数取自督办台账，规定动作达标率取自达标矩阵，问题件数只计已印发通报中点名的问题；' +
  '其余指标由科室负责人或本人填报并附佐证，经领导小组办公室审核后计入。';

/** 考核指标: the indicators the reader may see, each with its current value coloured against the target and its trend. */
export function IndicatorsTab() {
  const { modal } = App.useApp();
  const [query, setQuery] = useState<IndicatorQuery>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<TIndicator | 'new' | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const { data, isFetching } = useIndicators(query);
  const { data: depts } = useDepartments();
  const act = useAction(INDICATORS_KEY);
  const filter = (patch: IndicatorQuery) => setQuery((q) => ({ ...q, ...patch, page: 1 }));
  const withdraw = (i: TIndicator) =>
    modal.confirm(
      reasonModal(`撤销考核指标“${i.title}”`, (reason) =>
        keepOpenOnFailure(
          act(() => call(api.withdraw, { params: { id: i.id }, body: { reason, version: i.version } }), '已撤销'),
        ),
      ),
    );
  const empty = !isFetching && data && data.total === 0 && !query.q && !query.source && !query.departmentId;
  return (
    <>
      <Typography.Paragraph type="secondary">{EXPLAINED}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }} wrap>
        {data?.can.create && (
          <Button type="primary" onClick={() => setEditing('new')}>
            新增考核指标
          </Button>
        )}
        <Select
          allowClear
          placeholder="科室和个人"
          style={{ width: 120 }}
          options={options(OWNER_KIND_LABELS)}
          onChange={(ownerKind) => filter({ ownerKind })}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="科室"
          style={{ width: 170 }}
          options={(depts ?? []).map((d) => ({ value: d.id, label: d.name }))}
          onChange={(departmentId) => filter({ departmentId })}
        />
        <Select
          allowClear
          placeholder="数据来源"
          style={{ width: 200 }}
          options={options(SOURCE_LABELS)}
          onChange={(source) => filter({ source })}
        />
        <Select
          value={query.withdrawn ?? 'false'}
          style={{ width: 110 }}
          options={[
            { value: 'false', label: '有效指标' },
            { value: 'true', label: '已撤销' },
          ]}
          onChange={(withdrawn) => filter({ withdrawn })}
        />
        <Input.Search
          allowClear
          placeholder="搜索指标、科室、人员"
          style={{ width: 220 }}
          onSearch={(q) => filter({ q: q || undefined })}
        />
      </Space>
      {empty ? (
        <Empty
          description={data?.can.create ? '尚未设置考核指标。点击“新增考核指标”开始。' : '暂无您可查看的考核指标'}
        />
      ) : (
        <Table<TIndicator>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items}
          locale={{ emptyText: '没有符合条件的考核指标' }}
          pagination={{
            current: Number(query.page ?? 1),
            pageSize: 20,
            total: data?.total ?? 0,
            hideOnSinglePage: true,
            onChange: (page) => setQuery((q) => ({ ...q, page })),
          }}
          columns={[
            {
              title: '指标',
              key: 'title',
              render: (_, i) => (
                <Space direction="vertical" size={0}>
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(i.id)}>
                    {i.title}
                  </Button>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {`${i.sourceLabel}${i.measureLabel ? ` · ${i.measureLabel}` : ''}`}
                  </Typography.Text>
                  {i.withdrawnReason && <Tag>{`已撤销：${i.withdrawnReason}`}</Tag>}
                </Space>
              ),
            },
            {
              title: '考核对象',
              key: 'owner',
              width: 150,
              render: (_, i) =>
                i.ownerKind === 'department' ? i.ownerName : `${i.ownerName}（${i.departmentName ?? '未分科室'}）`,
            },
            {
              title: '目标',
              key: 'target',
              width: 150,
              render: (_, i) =>
                `${DIRECTION_LABELS[i.direction]} ${i.target} ${i.unitLabel}（${PERIOD_KIND_LABELS[i.periodKind]}）`,
            },
            {
              title: '本期',
              key: 'current',
              width: 170,
              render: (_, i) => (
                <Space direction="vertical" size={0}>
                  <ValueTag v={i.trend.at(-1)!} unit={i.unitLabel} testId={`current-${i.title}`} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {i.trend.at(-1)!.periodLabel}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: '前三期和趋势', key: 'trend', width: 190, render: (_, i) => <IndicatorTrend indicator={i} /> },
            {
              title: '操作',
              key: 'ops',
              width: 150,
              render: (_, i) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setOpen(i.id)}>
                    依据
                  </Button>
                  {i.can.edit && (
                    <Button type="link" size="small" onClick={() => setEditing(i)}>
                      修改
                    </Button>
                  )}
                  {i.can.withdraw && (
                    <Button type="link" size="small" danger onClick={() => withdraw(i)}>
                      撤销
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      {editing && <IndicatorForm indicator={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <IndicatorDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
