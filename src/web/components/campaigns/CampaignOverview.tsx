import { useEffect, useRef } from 'react';
import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { CampaignDetail } from '../../types';
import { cnNumeral } from '../../labels';
import { useCampaignDepartments, useRules } from '../../queries/campaigns';
import { can, useMe } from '../../session';
import { DUE_SOON_WORKING_DAYS, type Figure } from '../../../domain/item-figures';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** An ECharts instance on the returned ref, redrawn when the option's data changes (not on every render). */
function useChart(option: echarts.EChartsCoreOption) {
  const ref = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(option);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the option
  }, [key]);
  return ref;
}

/** One figure of 本活动事项; a link to the ledger listing the same items, for whoever may read the ledger. */
function FigureCard(p: {
  title: string;
  value: number;
  to?: string;
  suffix?: string;
  danger?: boolean;
  testId: string;
}) {
  const stat = (
    <Statistic
      title={p.title}
      value={p.value}
      suffix={p.suffix && <span style={{ fontSize: 12 }}>{p.suffix}</span>}
      styles={{ content: { color: p.danger && p.value ? '#c0392b' : undefined } }}
    />
  );
  return (
    <Col xs={12} md={4}>
      <Card size="small" data-testid={p.testId}>
        {p.to ? <Link to={p.to}>{stat}</Link> : stat}
      </Card>
    </Col>
  );
}

/** 概览: what a leader reads in ten seconds — measures broken down, items closed, obligations met, by category and rule. */
export function CampaignOverview({ campaign }: { campaign: CampaignDetail }) {
  const rules = useRules(campaign.id);
  const depts = useCampaignDepartments(campaign.id);
  const active = campaign.measures.filter((m) => m.active);
  const me = useMe();
  const f = campaign.figures;
  const ledger = (figure: Figure) =>
    can(me, 'supervision.read') ? `/items?campaignId=${campaign.id}&figure=${figure}` : undefined;
  const byCategory = campaign.categories.map((c) => {
    const ms = active.filter((m) => m.categoryNo === c.no);
    return {
      label: `（${cnNumeral(c.no)}）`,
      title: c.title,
      items: ms.reduce((n, m) => n + m.progress.items, 0),
      closed: ms.reduce((n, m) => n + m.progress.closed, 0),
      overdue: ms.reduce((n, m) => n + m.progress.overdue, 0),
    };
  });
  const categoryRef = useChart({
    tooltip: {
      trigger: 'axis',
      formatter: (ps: { dataIndex: number }[]) => {
        const c = byCategory[ps[0]!.dataIndex]!;
        return `${c.label}${c.title}<br/>办结 ${c.closed} / 共 ${c.items} 项，逾期 ${c.overdue}`;
      },
    },
    legend: { top: 0, data: ['已办结', '办理中', '逾期'] },
    grid: { left: 40, right: 20, bottom: 30, top: 40 },
    xAxis: { type: 'category', data: byCategory.map((c) => c.label), axisLabel: { interval: 0, fontSize: 10 } },
    yAxis: { type: 'value', minInterval: 1, name: '项' },
    series: progressSeries(byCategory),
  });
  const list = rules.data ?? [];
  const ruleRef = useChart({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['已达标', '有风险', '未达标', '超上限'] },
    grid: { left: 200, right: 20, bottom: 20, top: 40 },
    yAxis: {
      type: 'category',
      data: list.map((r) => `${r.measureNo ? `措施${r.measureNo} ` : ''}${r.title}`),
      axisLabel: { width: 190, overflow: 'truncate' },
    },
    xAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: '已达标',
        type: 'bar',
        stack: 'a',
        barMaxWidth: 48,
        data: list.map((r) => r.summary.met),
        itemStyle: { color: '#52c41a' },
      },
      {
        name: '有风险',
        type: 'bar',
        stack: 'a',
        barMaxWidth: 48,
        data: list.map((r) => r.summary.atRisk),
        itemStyle: { color: '#fa8c16' },
      },
      {
        name: '未达标',
        type: 'bar',
        stack: 'a',
        barMaxWidth: 48,
        data: list.map((r) => r.summary.missed),
        itemStyle: { color: '#c0392b' },
      },
      {
        name: '超上限',
        type: 'bar',
        stack: 'a',
        barMaxWidth: 48,
        data: list.map((r) => r.summary.over),
        itemStyle: { color: '#722ed1' },
      },
    ],
  });
  const deptRows = depts.data ?? [];
  const deptRef = useChart({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['已办结', '办理中', '逾期'] },
    grid: { left: 40, right: 20, bottom: 40, top: 40 },
    xAxis: {
      type: 'category',
      data: deptRows.map((d) => d.department),
      axisLabel: { interval: 0, rotate: deptRows.length > 5 ? 20 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1, name: '项' },
    series: progressSeries(deptRows),
  });
  const met = list.reduce((n, r) => n + r.summary.met, 0);
  const decided = list.reduce((n, r) => n + r.summary.met + r.summary.missed + r.summary.over, 0);
  return (
    <div data-testid="campaign-overview">
      <Row gutter={12} style={{ marginBottom: 8 }}>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic
              title="已分解措施"
              value={active.filter((m) => m.progress.items > 0).length}
              suffix={`/ ${active.length}`}
            />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title="本活动事项办结" value={f.closed} suffix={`/ ${f.items}`} />
          </Card>
        </Col>
        <FigureCard title="逾期未办结" value={f.overdue} to={ledger('overdue')} danger testId="figure-overdue" />
        <FigureCard title="临期" value={f.dueSoon} to={ledger('dueSoon')} testId="figure-due-soon" />
        <FigureCard
          title="按时办结"
          value={f.onTime}
          to={ledger('onTime')}
          suffix={f.onTimeRate === null ? undefined : `按时办结率 ${f.onTimeRate}%`}
          testId="figure-on-time"
        />
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title="周期义务达标率" value={decided ? Math.round((met / decided) * 100) : 0} suffix="%" />
          </Card>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="figures-scope">
        督办事项数字的范围是本活动事项（由本活动各项措施分解生成的督办事项，含已撤回措施下的），点击数字即在督办台账中列出同样的事项。
        口径：逾期未办结 = 未办结且已过截止日期；临期 = 未办结、未逾期且 {DUE_SOON_WORKING_DAYS}{' '}
        个工作日内到期；按时办结 = 在截止日期当天或之前办结； 按时办结率 = 按时办结 ÷（按时办结 + 逾期办结 +
        逾期未办结）。
      </Typography.Paragraph>
      <Card size="small" title="各类别督办事项进度">
        <div ref={categoryRef} style={{ height: 300 }} data-testid="category-chart" />
      </Card>
      <Card size="small" title="各科室（中心）督办事项进度" style={{ marginTop: 12 }}>
        {deptRows.length ? (
          <div ref={deptRef} style={{ height: 260 }} data-testid="department-chart" />
        ) : (
          <Empty description="措施尚未分解到科室" image={Empty.PRESENTED_IMAGE_SIMPLE} />
        )}
      </Card>
      <Card size="small" title="周期性义务达标情况" style={{ marginTop: 12 }}>
        <div ref={ruleRef} style={{ height: Math.max(260, 34 * list.length + 80) }} data-testid="rule-chart" />
      </Card>
    </div>
  );
}

/** The stacked bars of a progress chart: closed, in progress and overdue items of each row. */
function progressSeries(rows: readonly { items: number; closed: number; overdue: number }[]) {
  const bar = (name: string, color: string, value: (r: (typeof rows)[number]) => number) => ({
    name,
    type: 'bar' as const,
    stack: 'a',
    barMaxWidth: 48,
    data: rows.map(value),
    itemStyle: { color },
  });
  return [
    bar('已办结', '#52c41a', (r) => r.closed),
    bar('办理中', '#1677ff', (r) => r.items - r.closed - r.overdue),
    bar('逾期', '#c0392b', (r) => r.overdue),
  ];
}
