import { useEffect, useRef, useState } from 'react';
import { Card, DatePicker, Empty, Segmented, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useSearchParams } from 'react-router';
import { shanghaiToday } from '../time';
import { useRankings } from '../queries/supervision';
import type { RankingRow } from '../types';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Row = RankingRow;

function Chart({ rows }: { rows: Row[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: ['按时办结率（%）', '逾期件数'] },
      grid: { left: 40, right: 40, bottom: 60, top: 40 },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.group),
        axisLabel: { interval: 0, rotate: rows.length > 5 ? 30 : 0 },
      },
      yAxis: [
        { type: 'value', max: 100, name: '%' },
        { type: 'value', name: '件', minInterval: 1 },
      ],
      series: [
        {
          name: '按时办结率（%）',
          type: 'bar',
          data: rows.map((r) => r.onTimeRate ?? 0),
          itemStyle: { color: '#52c41a' },
        },
        {
          name: '逾期件数',
          type: 'bar',
          yAxisIndex: 1,
          data: rows.map((r) => r.overdue),
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
  return <div ref={ref} style={{ height: 320 }} data-testid="ranking-chart" />;
}

/** 比一比、晒一晒: on-time closing by department or by responsible leader, for a period. */
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
      {by === 'leader' && (
        <Typography.Paragraph type="secondary" data-testid="leader-grouping-note">
          按分管领导统计时，每件事项计入其牵头科室在该事项截止日当天的分管领导（见组织架构中的科室分管领导记录）；当日未设分管领导的计入“（未指定）”。
        </Typography.Paragraph>
      )}
      {data && data.length === 0 ? <Empty description="所选期间没有到期的督办事项" /> : data && <Chart rows={data} />}
      <Table<Row>
        rowKey="group"
        size="small"
        loading={isFetching}
        dataSource={data}
        pagination={false}
        style={{ marginTop: 12 }}
        data-testid="ranking-table"
        columns={[
          { title: '排名', key: 'rank', width: 60, render: (_, __, i) => i + 1 },
          { title: by === 'department' ? '牵头科室' : '分管领导', dataIndex: 'group' },
          { title: '到期事项', dataIndex: 'items', width: 90 },
          { title: '按时办结', dataIndex: 'closedOnTime', width: 90 },
          { title: '逾期（含逾期办结）', dataIndex: 'overdue', width: 140 },
          { title: '按时办结率', dataIndex: 'onTimeRate', width: 100, render: (v) => (v === null ? '—' : `${v}%`) },
          {
            title: '平均办结用时',
            dataIndex: 'avgWorkingDaysToClose',
            width: 120,
            render: (v) => (v === null ? '—' : `${v} 个工作日`),
          },
          { title: '退回次数', dataIndex: 'returns', width: 90 },
          { title: '漏报次数', dataIndex: 'lapses', width: 90 },
        ]}
      />
    </Card>
  );
}
