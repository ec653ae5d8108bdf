import { useState } from 'react';
import { Button, Card, Input, Progress, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import type { z } from 'zod';
import type { ZDashboardRow } from '../../../shared/contracts/oversight-dashboard';
import { oversightDashboardApi } from '../../../shared/api/oversight-dashboard';
import { urlOf } from '../../../shared/api/endpoint';
import { MEETING_STATUS_LABELS, type DashboardSort } from '../../../domain/unit-figures';
import { DUE_SOON_WORKING_DAYS } from '../../../domain/item-figures';
import { UNIT_KINDS, type UnitKind } from '../../../domain/unit-tree';
import { call } from '../../call';
import { shanghaiTime } from '../../time';
import { setViewedUnit } from '../../view-unit';
import { DASHBOARD_KEY, useDashboard, type DashboardFilter } from '../../queries/oversight-dashboard';
import { useAction, useDownload } from '../useWrite';
import { ComplianceHeatmap } from './ComplianceHeatmap';

type Row = z.infer<typeof ZDashboardRow>;
const NO_DATA = <Typography.Text type="secondary">暂无数据</Typography.Text>;

/** Opens one of the unit's own pages read-only (the drill-down of issue 20: same pages as inside the unit). */
function open(r: Row, path: string) {
  setViewedUnit({ id: r.unitId, name: r.name });
  window.location.assign(path);
}

const columns = (): TableColumnsType<Row> => [
  {
    title: '单位',
    key: 'name',
    sorter: true,
    fixed: 'left',
    width: 180,
    render: (_, r) => (
      <Space direction="vertical" size={0}>
        <Typography.Text strong>{r.name}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {UNIT_KINDS[r.kind as UnitKind] ?? r.kind}
          {r.deactivated && ' · 已停用'}
        </Typography.Text>
      </Space>
    ),
  },
  {
    title: '专项活动进度',
    key: 'campaignRate',
    sorter: true,
    width: 220,
    render: (_, r) => {
      const f = r.figures;
      if (!f) return NO_DATA;
      if (!f.campaign) return <Typography.Text type="secondary">无进行中的专项活动</Typography.Text>;
      return (
        <Space direction="vertical" size={0} style={{ width: '100%' }}>
          <a onClick={() => open(r, `/campaigns/${f.campaign!.id}`)}>{f.campaign.name}</a>
          <span style={{ fontSize: 12 }}>
            措施已分解 {f.measuresBrokenDown}/{f.measures} · 事项办结 {f.campaignClosed}/{f.campaignItems}
          </span>
          {f.campaignRate !== null && <Progress percent={f.campaignRate} size="small" />}
        </Space>
      );
    },
  },
  {
    title: '逾期未办结',
    key: 'overdue',
    sorter: true,
    align: 'right',
    render: (_, r) =>
      r.figures ? (
        <a onClick={() => open(r, '/items?figure=overdue')}>
          {r.figures.overdue > 0 ? <Tag color="red">{r.figures.overdue}</Tag> : 0}
        </a>
      ) : (
        NO_DATA
      ),
  },
  {
    title: '临期',
    key: 'dueSoon',
    sorter: true,
    align: 'right',
    render: (_, r) =>
      r.figures ? (
        <a onClick={() => open(r, '/items?figure=dueSoon')}>
          {r.figures.dueSoon > 0 ? <Tag color="gold">{r.figures.dueSoon}</Tag> : 0}
        </a>
      ) : (
        NO_DATA
      ),
  },
  {
    title: '规定动作达标率',
    key: 'complianceRate',
    sorter: true,
    render: (_, r) => {
      const c = r.figures?.compliance;
      if (!r.figures?.campaign || !c || c.rate === null) return NO_DATA;
      return (
        <a onClick={() => open(r, `/campaigns/${r.figures!.campaign!.id}?tab=compliance`)}>
          {c.rate}%（{c.met}/{c.decided}）
        </a>
      );
    },
  },
  {
    title: '专题组织生活会',
    key: 'meeting',
    render: (_, r) => {
      const f = r.figures;
      const m = f?.meeting;
      const report = r.meetingReport;
      return (
        <Space direction="vertical" size={0}>
          {!f ? (
            NO_DATA
          ) : !m ? (
            <Tag>未安排</Tag>
          ) : (
            <Tag color={m.status === 'held' ? 'green' : 'blue'}>{MEETING_STATUS_LABELS[m.status]}</Tag>
          )}
          {m && (
            <span style={{ fontSize: 12 }}>{m.status === 'held' ? `召开于 ${m.heldOn}` : `计划 ${m.plannedOn}`}</span>
          )}
          {report && (
            <span style={{ fontSize: 12 }}>
              情况报告：
              {report.submittedAt ? (
                <Tag color="green">已报送</Tag>
              ) : (
                <Tag color={report.late ? 'red' : undefined}>
                  {report.late ? '逾期未报' : `未报送（${report.dueOn}前）`}
                </Tag>
              )}
            </span>
          )}
        </Space>
      );
    },
  },
  {
    title: '最近活动',
    key: 'lastActivity',
    sorter: true,
    render: (_, r) =>
      !r.figures ? NO_DATA : r.figures.lastActivityAt ? shanghaiTime(r.figures.lastActivityAt, 'minute') : '无记录',
  },
  {
    title: '查看',
    key: 'open',
    fixed: 'right',
    width: 150,
    render: (_, r) => (
      <Space size={4}>
        <Button size="small" type="link" onClick={() => open(r, '/items')}>
          台账
        </Button>
        <Button size="small" type="link" onClick={() => open(r, '/campaigns')}>
          专项活动
        </Button>
      </Space>
    ),
  },
];

/**
 * 汇总看板 (issue 20): the figures of every unit below, kept by a periodic refresh (never counted per request),
 * with their age (数据截至); sortable, filterable, paged, exported; each figure opens the unit's own page read-only.
 */
export function DashboardTab() {
  const [filter, setFilter] = useState<DashboardFilter>({ sort: 'overdue', order: 'desc' });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { data, isLoading } = useDashboard(filter, page, pageSize);
  const act = useAction(DASHBOARD_KEY);
  const download = useDownload();
  const [refreshing, setRefreshing] = useState(false);
  const change = (f: DashboardFilter) => {
    setFilter({ ...filter, ...f });
    setPage(1);
  };
  const refresh = async () => {
    setRefreshing(true);
    await act(() => call(oversightDashboardApi.refresh, {}), '汇总看板数据已刷新');
    setRefreshing(false);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="oversight-dashboard">
      <Space wrap>
        <Input.Search
          allowClear
          placeholder="按单位名称或代码查找"
          style={{ width: 220 }}
          onSearch={(q) => change({ q: q || undefined })}
        />
        <Select
          allowClear
          placeholder="单位类型"
          style={{ width: 170 }}
          options={Object.entries(UNIT_KINDS).map(([value, label]) => ({ value, label }))}
          onChange={(kind?: UnitKind) => change({ kind })}
        />
        <Space size={4}>
          <Switch size="small" onChange={(on) => change({ red: on ? 'true' : undefined })} />
          <span>只看有逾期事项的单位</span>
        </Space>
        {data?.can.manage && (
          <Button icon={<ReloadOutlined />} loading={refreshing} onClick={refresh}>
            刷新
          </Button>
        )}
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            download(
              urlOf({ ...oversightDashboardApi.dashboard, path: '/oversight/dashboard.xlsx' }, undefined, filter),
              '汇总看板.xlsx',
            )
          }
        >
          导出 Excel
        </Button>
      </Space>
      <Typography.Text type="secondary" data-testid="dashboard-as-of">
        {data?.asOf
          ? `数据截至 ${shanghaiTime(data.asOf, 'minute')}（每15分钟自动汇总一次${data.can.manage ? '，可点“刷新”立即汇总' : ''}）`
          : '暂无数据：尚未汇总过下级单位的数据'}
        。逾期未办结、临期（{DUE_SOON_WORKING_DAYS}个工作日内到期）与各单位督办台账口径相同；达标率 = 已达标单元格 ÷
        已有结果的单元格（已达标、未达标、超出上限）。
      </Typography.Text>
      <Table<Row>
        rowKey="unitId"
        size="small"
        loading={isLoading}
        dataSource={data?.items ?? []}
        columns={columns().map((c) => ({
          ...c,
          sortOrder: c.key === filter.sort ? (filter.order === 'asc' ? 'ascend' : 'descend') : null,
        }))}
        scroll={{ x: 1250 }}
        onChange={(_p, _f, s) => {
          const one = Array.isArray(s) ? s[0] : s;
          if (one?.columnKey && one.order)
            change({ sort: one.columnKey as DashboardSort, order: one.order === 'ascend' ? 'asc' : 'desc' });
        }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => `共 ${n} 个单位`,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
      <Card size="small" title="规定动作达标率热力图（单位 × 规定动作）">
        <ComplianceHeatmap filter={filter} />
      </Card>
    </Space>
  );
}
