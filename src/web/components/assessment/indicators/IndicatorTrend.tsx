import { Space, Tag, Tooltip } from 'antd';
import type { TIndicator } from '../../../../shared/contracts/assessment-indicators';
import { PROGRESS_COLOURS, PROGRESS_LABELS } from '../../../../domain/indicators';

type Value = TIndicator['trend'][number];

/** A value as a tag coloured by its status against the target (达标 green, 接近 orange, 未达标 red, 无数据 grey). */
export function ValueTag({ v, unit, testId }: { v: Value; unit: string; testId?: string }) {
  const text = v.value === null ? '无数据' : `${v.value}${unit === '%' ? '%' : ` ${unit}`}`;
  return (
    <Tooltip title={v.value === null ? v.missing : `${v.periodLabel}：${PROGRESS_LABELS[v.status]}`}>
      <Tag color={PROGRESS_COLOURS[v.status]} data-testid={testId}>
        {text}
        {v.value !== null && ` · ${PROGRESS_LABELS[v.status]}`}
      </Tag>
    </Tooltip>
  );
}

/** The periods before the current one, oldest first, as small figures with the direction of the trend. */
export function IndicatorTrend({ indicator }: { indicator: TIndicator }) {
  const before = indicator.trend.slice(0, -1);
  return (
    <Space size={2} wrap>
      {before.map((t) => (
        <Tooltip key={t.periodKey} title={`${t.periodLabel}${t.value === null ? `：${t.missing}` : ''}`}>
          <Tag color={PROGRESS_COLOURS[t.status]} bordered={false} style={{ marginInlineEnd: 0 }}>
            {t.value ?? '—'}
          </Tag>
        </Tooltip>
      ))}
      {indicator.trendLabel && <span style={{ marginLeft: 4 }}>{indicator.trendLabel}</span>}
    </Space>
  );
}
