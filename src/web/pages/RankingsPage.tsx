import { useEffect, useRef, useState } from 'react';
import { Alert, Card, DatePicker, Empty, Segmented, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useSearchParams } from 'react-router';
import { RANKING_RULE } from '../../domain/rankings';
import { shanghaiToday } from '../time';
import { useRankings } from '../queries/supervision';
import type { RankingRow } from '../types';

echarts.use([BarChart, GridComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

type Row = RankingRow;

/** Why a group has no rank: nothing of it has come due, or what has come due is neither closed nor late yet. */
const unranked = (r: Row) => (r.comeDue === 0 ? '暂无到期事项' : '暂无已办结或逾期事项');

/**
 * Two charts side by side, each with its own labelled axis: the on-time rate on 0–100 %, the overdue
 * counts in 件 — never one bar of a count drawn against the percentage scale. Best first, top down.
 */
function Chart({ rows }: { rows: Row[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const names = rows.map((r) => (r.rank === null ? `${r.group}（未排名）` : `${r.rank}. ${r.group}`));
    const category = (gridIndex: number) => ({
      type: 'category' as const,
      gridIndex,
      data: names,
      inverse: true,
      axisLabel: { width: 130, overflow: 'truncate' as const, show: gridIndex === 0 },
    });
    chart.setOption({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      title: [
        { text: '按时办结率（%）', left: '3%', top: 0, textStyle: { fontSize: 13 } },
        { text: '逾期件数（含逾期办结，件）', left: '62%', top: 0, textStyle: { fontSize: 13 } },
      ],
      grid: [
        { left: 150, width: '42%', top: 30, bottom: 30 },
        { left: '62%', right: 30, top: 30, bottom: 30 },
      ],
      yAxis: [category(0), category(1)],
      xAxis: [
        { type: 'value', gridIndex: 0, min: 0, max: 100, name: '%', axisLabel: { formatter: '{value}%' } },
        { type: 'value', gridIndex: 1, min: 0, minInterval: 1, name: '件' },
      ],
      series: [
        {
          name: '按时办结率（%）',
          type: 'bar',
          xAxisIndex: 0,
          yAxisIndex: 0,
          data: rows.map((r) => r.onTimeRate ?? '-'),
          label: { show: true, position: 'right', formatter: '{c}%' },
          itemStyle: { color: '#52c41a' },
        },
        {
          name: '逾期件数',
          type: 'bar',
          xAxisIndex: 1,
          yAxisIndex: 1,
          data: rows.map((r) => (r.rank === null ? '-' : r.overdue)),
          label: { show: true, position: 'right' },
          itemStyle: { color: '#c0392b' },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows]);
  return <div ref={ref} style={{ height: Math.max(220, 34 * rows.length + 70) }} data-testid="ranking-chart" />;
}

/** 比一比、晒一晒: on-time closing by department or by responsible leader, for a period, best first. */
export function RankingsPage() {
  const [by, setBy] = useState<'department' | 'leader'>('department');
  const [params] = useSearchParams();
  // ?from=YYYY-MM-DD&to=YYYY-MM-DD opens a given period (a link to share); the default is this year.
  const initial = (k: string, fallback: Dayjs) =>
    params.get(k) && dayjs(params.get(k)).isValid() ? dayjs(params.get(k)) : fallback;
  const [range, setRange] = useState<[Dayjs, Dayjs]>([
    initial('from', dayjs(shanghaiToday()).startOf('year')),
    initial('to', dayjs(shanghaiToday()).endOf('year')),
  ]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const { data, isFetching } = useRankings({ by, from, to });
  return (
    <Card
      title="比一比、晒一晒"
      extra={
        <Space wrap>
          <Segmented
            value={by}
            onChange={(v) => setBy(v as typeof by)}
            options={[
              { value: 'department', label: '按科室' },
              { value: 'leader', label: '按分管领导' },
            ]}
          />
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])}
          />
        </Space>
      }
    >
      <Alert type="info" showIcon title="排名口径" description={RANKING_RULE} data-testid="ranking-rule" />
      {by === 'leader' && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="leader-grouping-note">
          按分管领导统计时，每件事项计入其牵头科室在该事项截止日当天的分管领导（见组织架构中的科室分管领导记录）；当日未设分管领导的计入“（未指定）”。
        </Typography.Paragraph>
      )}
      <div style={{ marginTop: 12 }}>
        {data && data.length === 0 ? <Empty description="所选期间没有截止的督办事项" /> : data && <Chart rows={data} />}
      </div>
      <Table<Row>
        rowKey="group"
        size="small"
        loading={isFetching}
        dataSource={data}
        pagination={false}
        style={{ marginTop: 12 }}
        data-testid="ranking-table"
        columns={[
          {
            title: '排名',
            dataIndex: 'rank',
            width: 110,
            render: (v: number | null, r) => v ?? <span style={{ color: '#8c8c8c' }}>{unranked(r)}</span>,
          },
          { title: by === 'department' ? '牵头科室' : '分管领导', dataIndex: 'group' },
          { title: '到期事项', dataIndex: 'comeDue', width: 90 },
          { title: '按时办结', dataIndex: 'closedOnTime', width: 90 },
          { title: '逾期办结', dataIndex: 'closedLate', width: 90 },
          { title: '逾期未办结', dataIndex: 'overdueOpen', width: 100 },
          { title: '按时办结率', dataIndex: 'onTimeRate', width: 100, render: (v) => (v === null ? '—' : `${v}%`) },
          { title: '漏报次数', dataIndex: 'lapses', width: 90 },
          {
            title: '平均办结用时',
            dataIndex: 'avgWorkingDaysToClose',
            width: 120,
            render: (v) => (v === null ? '—' : `${v} 个工作日`),
          },
          { title: '退回次数', dataIndex: 'returns', width: 90 },
          { title: '尚未到期', key: 'notYetDue', width: 90, render: (_, r) => r.items - r.comeDue },
        ]}
      />
    </Card>
  );
}
