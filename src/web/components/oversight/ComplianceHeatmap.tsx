import { useEffect, useRef, useState } from 'react';
import { Empty, Pagination, Space, Typography } from 'antd';
import * as echarts from 'echarts/core';
import { HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useHeatmap, type DashboardFilter } from '../../queries/oversight-dashboard';

echarts.use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

const GREY = '#d9d9d9';

/**
 * 规定动作达标率 by unit × rule (rows: the page's units, columns: the rules by title): red to green by 达标率,
 * grey where the unit has no such rule or no cell decided yet (暂无数据). Same filter and order as the table.
 */
export function ComplianceHeatmap({ filter }: { filter: DashboardFilter }) {
  const [page, setPage] = useState(1);
  const { data } = useHeatmap(filter, page);
  const ref = useRef<HTMLDivElement>(null);
  const height = Math.max(160, (data?.units.length ?? 0) * 34 + 190);
  useEffect(() => {
    if (!ref.current || !data?.rules.length) return;
    const chart = echarts.init(ref.current);
    const known: [number, number, number][] = [];
    const grey: [number, number, number][] = [];
    data.units.forEach((u, y) => u.values.forEach((v, x) => (v === null ? grey : known).push([x, y, v ?? 0])));
    chart.setOption({
      tooltip: {
        formatter: (p: { seriesIndex: number; value: [number, number, number] }) => {
          const [x, y, v] = p.value;
          const what = p.seriesIndex === 1 ? '暂无数据' : `达标率 ${v}%`;
          return `${data.units[y]!.name}<br/>${data.rules[x]!}：${what}`;
        },
      },
      grid: { left: 160, right: 40, top: 140, bottom: 50 },
      xAxis: {
        type: 'category',
        position: 'top',
        data: data.rules,
        axisLabel: { interval: 0, rotate: 35, width: 150, overflow: 'truncate' },
      },
      yAxis: { type: 'category', inverse: true, data: data.units.map((u) => u.name), axisLabel: { width: 150 } },
      visualMap: {
        seriesIndex: 0,
        min: 0,
        max: 100,
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        text: ['100%', '0%'],
        inRange: { color: ['#cf1322', '#faad14', '#389e0d'] },
      },
      series: [
        { name: '达标率', type: 'heatmap', data: known, label: { show: true, formatter: '{@[2]}' } },
        { name: '暂无数据', type: 'heatmap', data: grey, itemStyle: { color: GREY } },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [data]);
  if (!data) return null;
  if (!data.rules.length)
    return <Empty description="所列单位尚无规定动作达标数据（暂无数据）" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        颜色为各单位当前专项活动中该规定动作的达标率（已达标单元格 ÷
        已有结果的单元格）；灰色为该单位无此规定动作或暂无结果。
      </Typography.Text>
      <div ref={ref} style={{ height, width: '100%' }} data-testid="compliance-heatmap" />
      <Pagination
        size="small"
        current={page}
        pageSize={30}
        total={data.total}
        onChange={setPage}
        showSizeChanger={false}
      />
    </Space>
  );
}
